import type { WebClient } from '@slack/web-api';
import type { RespondFn } from '@slack/bolt';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';
import type { ChangeHandlerDeps } from './handler-deps.ts';

export interface Actor {
  user: string;
  channel?: string | undefined;
  respond?: RespondFn | undefined;
  client: WebClient;
}

/** Only the person sees it, next to what they clicked. */
export async function tell(actor: Actor, text: string): Promise<void> {
  await tellEphemeral({ respond: actor.respond, client: actor.client, channel: actor.channel, user: actor.user }, text);
}

/** A refusal: told to the person alone, and audited (who tried what on which change). */
export async function refuse(deps: Pick<ChangeHandlerDeps, 'audit' | 'clock' | 'log'>, actor: Actor, what: string, changeId: string, reason: string): Promise<void> {
  await deps.audit
    .record({ at: deps.clock.now(), actor: actor.user, action: 'change.refused', subject: `change:${changeId}`, payload: { what, reason } })
    .catch((err: unknown) => deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not audit a refusal'));
  await tell(actor, `:no_entry: ${reason}`);
}
