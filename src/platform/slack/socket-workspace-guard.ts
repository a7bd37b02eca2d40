import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackRequestKind } from './parse-slack-body.ts';
import { refusalAnswer, type RefusalRecorder } from './slack-http-receiver.ts';
import { actorOf, foreignWorkspace, type Workspace } from './workspace-boundary.ts';

/** The kind of a Socket Mode payload, in the HTTP edge's terms (a slash command has no `type`). */
function kindOf(body: Record<string, unknown>): SlackRequestKind {
  if (typeof body.command === 'string') return 'slash_command';
  return (typeof body.type === 'string' ? body.type : 'event_callback') as SlackRequestKind;
}

/**
 * Socket Mode has no HTTP edge, so the workspace boundary runs as Bolt's first global middleware:
 * a request from another workspace or organisation is refused the same way (audited, answered
 * with the same refusal) before any listener sees it.
 */
export function socketWorkspaceGuard(workspace: Workspace, onRefused: RefusalRecorder): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    const foreign = foreignWorkspace(body, workspace);
    if (!foreign) {
      await args.next();
      return;
    }
    const kind = kindOf(body);
    args.logger.warn(`Slack request refused: not our workspace (${kind} from ${foreign})`);
    onRefused({ kind, actor: actorOf(body), reason: `request from ${foreign}`, body });
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as (r?: unknown) => Promise<void>)(refusalAnswer(kind));
  };
}
