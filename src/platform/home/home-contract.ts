import type { KnownBlock } from '@slack/types';

/** The person whose Home tab is being built: their Slack id, and their person id when the config knows them. */
export interface HomeViewer {
  slackUserId: string;
  personId?: string;
}

/**
 * One capability's part of a person's Home tab (`Capability.home`). The platform renders the
 * title as the section's header, asks `blocks` for the rest, and cuts a section that is over its
 * share of Slack's 100 blocks with a "see more: `/k8s-infra <seeMore>`" line; a section that
 * throws or is too slow shows a short "could not load" line instead.
 */
export interface HomeContribution {
  title: string;
  /** The subcommand that shows all of it (`oncall`, `incident list`), for the "see more" line. */
  seeMore: string;
  /** The section's blocks for this person (built by a pure view in the capability's views/); empty or undefined: the section is left out. */
  blocks(viewer: HomeViewer, now: Date): Promise<readonly KnownBlock[] | undefined>;
}

/**
 * Republishing Home tabs when something about a person changed (a page notified them, a swap
 * moved their shift). Calls are coalesced per person and published after a short delay, outside
 * whatever transaction the caller is in; never throws.
 */
export interface HomeRefresher {
  /** Person ids or Slack user ids (unknown ones are ignored). */
  refresh(who: readonly (string | undefined)[]): void;
}
