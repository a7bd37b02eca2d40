import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Clock } from '../../core/clock.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

/** A click on one of a page's buttons (in its channel post or in a DM), as Bolt hands it over. */
export type PageButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface PageButtonDeps {
  people: Pick<PeopleDirectory, 'bySlackId' | 'mention'>;
  clock: Clock;
}

/** Who clicked: their person id, or their Slack id when they are not in the config. */
export function clickedBy(deps: PageButtonDeps, args: PageButtonArgs): string {
  return deps.people.bySlackId(args.body.user.id)?.id ?? args.body.user.id;
}

/** The page a button is for: every page button carries its page id as its value. */
export function pageIdOf(args: PageButtonArgs): string | undefined {
  return args.action.value;
}

/** Answers the person who clicked, next to what they clicked, when there is something to say. */
export async function answer(args: PageButtonArgs, text: string | undefined): Promise<void> {
  if (text === undefined) return;
  await tellEphemeral({ respond: args.respond, client: args.client, channel: args.body.channel?.id, user: args.body.user.id }, text);
}
