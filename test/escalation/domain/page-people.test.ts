import { describe, expect, it } from 'vitest';
import { isPartOfPage, peopleOfPage } from '../../../src/escalation/domain/page-people.ts';

const page = { notifications: [{ personId: 'priya', pass: 1, step: 1, at: '' }, { personId: 'sam', pass: 1, step: 2, at: '' }, { personId: 'priya', pass: 2, step: 1, at: '' }], createdBy: 'nina' };

describe('the people of a page', () => {
  it.each([
    ['notified, raised', { ...page }, ['priya', 'sam', 'nina']],
    ['taken in Slack', { ...page, acknowledgedBy: 'lucy', acknowledgedVia: 'slack' as const }, ['priya', 'sam', 'nina', 'lucy']],
    ['taken in PagerDuty (a display name, nobody of ours)', { ...page, acknowledgedBy: 'Lucy L.', acknowledgedVia: 'pagerduty' as const }, ['priya', 'sam', 'nina']],
  ])('%s', (_name, p, people) => {
    expect(peopleOfPage(p)).toEqual(people);
  });

  it('a person is part of it by person id or, for someone not in the config, by Slack id', () => {
    expect(isPartOfPage(page, ['U0PRIYA', 'priya'])).toBe(true);
    expect(isPartOfPage({ ...page, createdBy: 'U0STRANGER' }, ['U0STRANGER'])).toBe(true);
    expect(isPartOfPage(page, ['U0OTHER', 'other'])).toBe(false);
  });
});
