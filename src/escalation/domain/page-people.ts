import type { PageState } from './page-state.ts';

/**
 * The people a page is about, for their Home tabs: everyone it notified, who raised it and who
 * took it (person ids; a stranger's Slack id or a capability's name passes through and is
 * ignored where it names nobody).
 */
export function peopleOfPage(page: Pick<PageState, 'notifications' | 'createdBy' | 'acknowledgedBy' | 'acknowledgedVia'>): string[] {
  const ids = new Set(page.notifications.map((n) => n.personId));
  ids.add(page.createdBy);
  if (page.acknowledgedBy && page.acknowledgedVia !== 'pagerduty') ids.add(page.acknowledgedBy);
  return [...ids];
}

/** Whether a person is part of a page: notified by it, raised it or took it. */
export function isPartOfPage(page: Pick<PageState, 'notifications' | 'createdBy' | 'acknowledgedBy' | 'acknowledgedVia'>, personOrSlackIds: readonly string[]): boolean {
  const people = peopleOfPage(page);
  return personOrSlackIds.some((id) => people.includes(id));
}
