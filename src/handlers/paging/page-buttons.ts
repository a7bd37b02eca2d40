import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Clock } from '../../core/clock.ts';
import type { PageActor } from '../../escalation/domain/page-permissions.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { PageState } from '../../escalation/domain/page-state.ts';
import type { ShowPage } from '../../escalation/views/paging-message.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** A click on one of a page's buttons (in its channel post or in a DM), as Bolt hands it over. */
export type PageButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface PageButtonDeps {
  people: Pick<PeopleDirectory, 'bySlackId' | 'mention'>;
  clock: Clock;
  showPage: ShowPage;
  /** How long a click is retried while the database is unreachable (PagingSettings.clickRetryMs). */
  clickRetryMs: number;
}

/** Who acted, for the policy: a person of the config, or someone it does not know (their Slack id). */
export function actorFor(people: Pick<PeopleDirectory, 'bySlackId'>, slackId: string): PageActor {
  const person = people.bySlackId(slackId);
  return person ? { kind: 'person', id: person.id } : { kind: 'stranger', slackId };
}

/** Who clicked. */
export function actorOf(deps: Pick<PageButtonDeps, 'people'>, args: PageButtonArgs): PageActor {
  return actorFor(deps.people, args.body.user.id);
}

/**
 * Answers the person who clicked, next to what they clicked, when there is something to say:
 * through the response_url when the payload has one, else chat.postEphemeral.
 */
export async function answer(args: PageButtonArgs, text: string | undefined): Promise<void> {
  if (text === undefined) return;
  await tellEphemeral({ respond: args.body.response_url ? args.respond : undefined, client: args.client, channel: args.body.channel?.id, user: args.body.user.id }, text);
}

/**
 * The message the person clicked shows the change at once, whatever the job runner is busy with
 * (a delivery waiting on a slow Slack): the page's other messages follow from its sync job. A
 * failure here changes nothing, since that job updates this message too.
 */
export async function showOnClicked(deps: Pick<PageButtonDeps, 'showPage'>, args: PageButtonArgs, page: PageState): Promise<void> {
  const channel = args.body.channel?.id ?? args.body.container?.channel_id;
  const ts = args.body.message?.ts ?? args.body.container?.message_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string' || args.body.container?.is_ephemeral) return;
  const view = deps.showPage(page);
  await args.client.chat.update({ channel, ts, text: view.text, blocks: view.blocks }).catch(() => undefined);
}
