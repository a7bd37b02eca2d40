/**
 * Who may act on a page, as a table: the README's "Who may do what" rows for paging mirror it.
 * Each row is a role someone can hold on a page of `registry`, and whether that role alone lets
 * them acknowledge, escalate or resolve it.
 */
import { describe, expect, it } from 'vitest';
import { mayAcknowledge, mayEscalate, mayResolve, rolesOn, whoMay, type PageActor, type PageResponders } from '../../../src/escalation/domain/page-permissions.ts';
import type { PageState } from '../../../src/escalation/domain/page-state.ts';

const responders: PageResponders = { owners: ['olive'], participants: ['pat'], leads: ['lee'] };
const base: Pick<PageState, 'subprojectId' | 'notifications' | 'acknowledgedBy' | 'acknowledgedVia'> = {
  subprojectId: 'registry',
  notifications: [{ personId: 'nora', pass: 1, step: 1, at: '2026-11-24T03:12:00.000Z' }],
};
const acknowledgedBy = (by: string, via: 'slack' | 'pagerduty') => ({ ...base, acknowledgedBy: by, acknowledgedVia: via });
const person = (id: string): PageActor => ({ kind: 'person', id });

const ROWS: { role: string; actor: PageActor; page: typeof base; acknowledge: boolean; escalate: boolean; resolve: boolean }[] = [
  { role: 'notified by the page', actor: person('nora'), page: base, acknowledge: true, escalate: true, resolve: false },
  { role: 'acknowledged it (in Slack)', actor: person('ada'), page: acknowledgedBy('ada', 'slack'), acknowledge: false, escalate: false, resolve: true },
  { role: "owner of the page's subproject", actor: person('olive'), page: base, acknowledge: true, escalate: true, resolve: true },
  { role: "participant of the subproject's rotations", actor: person('pat'), page: base, acknowledge: true, escalate: true, resolve: true },
  { role: 'lead', actor: person('lee'), page: base, acknowledge: true, escalate: true, resolve: true },
  { role: 'in the config, no role on the page', actor: person('carl'), page: base, acknowledge: false, escalate: false, resolve: false },
  { role: 'a PagerDuty agent whose name is a person id', actor: person('carl'), page: acknowledgedBy('carl', 'pagerduty'), acknowledge: false, escalate: false, resolve: false },
  { role: 'not in the config', actor: { kind: 'stranger', slackId: 'U0STRANGER' }, page: base, acknowledge: false, escalate: false, resolve: false },
];

describe('who may act on a page', () => {
  it.each(ROWS)('$role: acknowledge $acknowledge, escalate $escalate, resolve $resolve', (row) => {
    expect(mayAcknowledge(row.page, row.actor, responders).allowed).toBe(row.acknowledge);
    expect(mayEscalate(row.page, row.actor, responders).allowed).toBe(row.escalate);
    expect(mayResolve(row.page, row.actor, responders).allowed).toBe(row.resolve);
  });

  it('says who may, and why not, in a refusal', () => {
    expect(mayAcknowledge(base, person('carl'), responders)).toEqual({
      allowed: false,
      reason: 'no-role',
      message: "Only the people this page notified, the owners of registry, the participants of its rotations and the group's leads may acknowledge this page.",
    });
    const stranger = mayResolve(base, { kind: 'stranger', slackId: 'U0STRANGER' }, responders);
    expect(stranger).toMatchObject({ allowed: false, reason: 'not-in-config' });
    expect(!stranger.allowed && stranger.message).toBe(
      "Only whoever acknowledged it, the owners of registry, the participants of its rotations and the group's leads may resolve this page. You are not in the bot's config (config/infra.yaml): you can raise a page, not act on one.",
    );
    expect(whoMay('escalate', 'dns')).toBe("the people this page notified, the owners of dns, the participants of its rotations and the group's leads");
  });

  it('names the role that allowed it, and every role a person holds', () => {
    expect(mayResolve(acknowledgedBy('olive', 'slack'), person('olive'), responders)).toEqual({ allowed: true, as: 'acknowledger' });
    expect(rolesOn({ ...base, notifications: [{ personId: 'lee', pass: 1, step: 3, at: '' }] }, person('lee'), responders)).toEqual(['notified', 'lead']);
    expect(rolesOn(base, { kind: 'stranger', slackId: 'U0LEE' }, responders)).toEqual([]);
  });
});
