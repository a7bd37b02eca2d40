import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/incidents/domain/incident.ts';
import { mayAct, refusalText, type IncidentAction, type IncidentActor } from '../../../src/incidents/domain/incident-policy.ts';

const NOW = new Date('2026-11-24T10:00:00Z');

/** An incident BEN declared naming CMD commander, with a scribe; `taken`: the commander has acted. */
function incident(taken: boolean): Pick<Incident, 'commander' | 'declarer' | 'roles' | 'acknowledgedAt'> {
  return { commander: 'U0CMD', declarer: 'U0DECLARE', roles: { scribe: 'U0SCRIBE', comms: 'U0COMMS' }, acknowledgedAt: taken ? NOW : null };
}

const person = (slackId: string, extra: Partial<IncidentActor> = {}): IncidentActor => ({ slackId, isLead: false, ownsAffectedService: false, ...extra });

const WHO = {
  commander: person('U0CMD'),
  lead: person('U0LEAD', { isLead: true }),
  declarer: person('U0DECLARE'),
  scribe: person('U0SCRIBE'),
  comms: person('U0COMMS'),
  'owner of an affected service': person('U0OWNER', { ownsAffectedService: true }),
  'member in infra.yaml': person('U0JIM'),
  'stranger (not in infra.yaml)': person('U0STRANGR'),
} as const;

type Who = keyof typeof WHO;
const ACTIONS: IncidentAction[] = ['update', 'pin', 'assign-role', 'change-severity', 'resolve'];

/**
 * The README's "Who may do what" rows for incidents, as a table: [who, before the commander has
 * acted, after]. ✓ allowed, · refused; columns in ACTIONS order.
 */
const TABLE: [Who, string, string][] = [
  //                                   update pin role sev resolve    (before)    (after)
  ['commander', '✓✓✓✓✓', '✓✓✓✓✓'],
  ['lead', '✓✓✓✓✓', '✓✓✓✓✓'],
  ['declarer', '✓✓✓✓·', '✓✓···'],
  ['scribe', '✓✓···', '✓✓···'],
  ['comms', '✓✓···', '✓✓···'],
  ['owner of an affected service', '✓✓···', '✓✓···'],
  ['member in infra.yaml', '·····', '·····'],
  ['stranger (not in infra.yaml)', '·····', '·····'],
];

describe('incident policy: who may do what', () => {
  for (const [who, before, after] of TABLE) {
    for (const [taken, row] of [[false, before], [true, after]] as const) {
      it(`${who}, ${taken ? 'after' : 'before'} the commander has taken charge: ${row}`, () => {
        const got = ACTIONS.map((action) => (mayAct(action, incident(taken), WHO[who]) ? '✓' : '·')).join('');
        expect(got).toBe(row);
      });
    }
  }

  it('judges the stored commander: a new commander steers, the one replaced no longer does', () => {
    const handedOver = { ...incident(true), commander: 'U0NEWCMD' };
    expect(mayAct('resolve', handedOver, person('U0NEWCMD'))).toBe(true);
    expect(mayAct('resolve', handedOver, WHO.commander)).toBe(false);
    expect(mayAct('assign-role', handedOver, WHO.commander)).toBe(false);
  });

  it('says who may do it instead', () => {
    expect(refusalText('resolve', incident(true))).toBe('Only the commander (<@U0CMD>) or a lead can resolve this incident.');
    expect(refusalText('assign-role', incident(true), () => '@cmd')).toBe('Only the commander (@cmd) or a lead can change roles on this incident.');
    for (const action of ACTIONS) expect(refusalText(action, incident(false)).length).toBeGreaterThan(20);
  });
});
