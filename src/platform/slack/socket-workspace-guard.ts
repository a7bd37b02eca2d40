import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import { kindOfDecoded } from './parse-slack-body.ts';
import { FOREIGN_WORKSPACE_TEXT, refusalAnswer, type RefusalRecorder } from './slack-http-receiver.ts';
import { actorOf, foreignWorkspace, type Workspace } from './workspace-boundary.ts';

/**
 * The workspace boundary for Socket Mode, where no HTTP edge sees the request first: the first
 * global middleware, so a request from another workspace or organisation (a Slack Connect user in
 * a shared channel) is refused before any listener runs, as over HTTP.
 */
export function socketWorkspaceGuard(options: { workspace: Workspace; log: Logger; onRefused: RefusalRecorder }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as unknown as Record<string, unknown>;
    const foreign = foreignWorkspace(body, options.workspace);
    if (!foreign) return args.next();
    const kind = kindOfDecoded(body);
    const actor = actorOf(body);
    options.log.warn({ kind, actor, from: foreign }, 'Slack request refused: not our workspace');
    options.onRefused({ kind, actor, reason: `request from ${foreign}`, body });
    // Events are acknowledged by the receiver; commands, actions, views and options by us.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as (response?: unknown) => Promise<void>)(refusalAnswer(kind));
    if (kind === 'block_actions' && 'respond' in args && typeof args.respond === 'function') {
      await (args.respond as (m: { response_type: 'ephemeral'; replace_original: false; text: string }) => Promise<unknown>)({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${FOREIGN_WORKSPACE_TEXT}` }).catch((err: unknown) =>
        options.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not tell a foreign user they were refused'),
      );
    }
  };
}
