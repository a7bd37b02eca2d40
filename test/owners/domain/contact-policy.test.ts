import { describe, expect, it } from 'vitest';
import { mayReveal, type RevealContext } from '../../../src/owners/domain/contact-policy.ts';

const page: RevealContext = { kind: 'page', id: 'PG1', label: 'page PG1 (registry)', involved: ['ben', 'nikhita', 'hh'], responders: ['nikhita'] };
const incident: RevealContext = { kind: 'incident', id: 'INC-1', label: 'INC-1', involved: ['ben', 'cmdr'], responders: ['cmdr'] };

describe('who may reveal a person’s contact details', () => {
  it.each([
    // actor, lead, target, open, reason → outcome
    ['ben', false, 'ben', [], undefined, 'self'],
    ['nikhita', false, 'ben', [page], undefined, 'responder'],
    ['cmdr', false, 'ben', [incident], undefined, 'responder'],
    ['hh', false, 'ben', [page], undefined, 'not-allowed'], // involved (an owner), but not notified
    ['stranger', false, 'ben', [page, incident], undefined, 'not-allowed'],
    ['nikhita', false, 'xmudrii', [page], undefined, 'not-allowed'], // the page does not involve xmudrii
    ['nikhita', false, 'ben', [], undefined, 'not-allowed'], // page closed
    ['dims', true, 'ben', [page], undefined, 'lead'],
    ['dims', true, 'ben', [], undefined, 'reason-needed'],
    ['dims', true, 'ben', [], '  ', 'reason-needed'],
    ['dims', true, 'ben', [], 'registry outage follow-up', 'lead-with-reason'],
    ['stranger', false, 'ben', [], 'I really need it', 'not-allowed'],
    [undefined, false, 'ben', [page], undefined, 'not-allowed'], // a Slack user not in the config
  ] as const)('%s (lead %s) → %s with %j open, reason %j: %s', (actor, lead, target, open, reason, expected) => {
    const d = mayReveal({ actor, actorIsLead: lead, target, open, ...(reason !== undefined ? { reason } : {}) });
    expect(d.allowed ? d.as : d.why).toBe(expected);
  });

  it('names exactly the open pages and incidents that allow it', () => {
    const d = mayReveal({ actor: 'dims', actorIsLead: true, target: 'ben', open: [page, incident, { ...page, id: 'PG2', involved: ['other'] }] });
    expect(d.allowed && 'contexts' in d ? d.contexts.map((c) => c.id) : []).toEqual(['PG1', 'INC-1']);
  });
});
