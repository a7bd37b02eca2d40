import { describe, expect, it } from 'vitest';
import { oncallDigestMessage } from '../../../src/rota/views/oncall-digest.ts';
import { lateNotice } from '../../../src/reports/views/late-notice.ts';
import { openSummaryMessage } from '../../../src/reports/views/open-summary.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const NOW = new Date('2026-12-07T07:00:00Z');
const H = 3_600_000;

describe('open-summary', () => {
  it('lists open pages and incidents, every summary and title escaped', () => {
    const m = openSummaryMessage({
      now: NOW,
      timezone: 'Europe/Berlin',
      pages: [
        { id: 'p1', subprojectId: 'registry', severity: 'critical', summary: HOSTILE, status: 'triggered', createdAt: new Date(NOW.getTime() - 90 * 60_000) },
        { id: 'p2', subprojectId: 'dns', severity: 'high', summary: 'SOA serial stuck', status: 'acknowledged', createdAt: new Date(NOW.getTime() - 50 * H), acknowledgedBy: '<@U0DIMS001>' },
      ],
      incidents: [{ id: 'i1', title: HOSTILE, severity: 'SEV2', services: ['registry', 'prow'], commanderSlackId: 'U0AMEUKAM', channelId: 'C0INC0001', declaredAt: new Date(NOW.getTime() - 3 * H) }],
    });
    expect(unescapedHostile(m).filter((s) => s !== '<@U0DIMS001>')).toEqual([]);
    expect(JSON.stringify(m)).not.toContain(HOSTILE);
    expect(m.text).toBe('Open: 2 pages, 1 incidents');
    expect(m).toMatchSnapshot();
  });

  it('says what it could not learn instead of "none"', () => {
    const m = openSummaryMessage({ now: NOW, timezone: 'UTC', pages: [], incidents: [], unknown: { incidents: 'Incidents are not running on this bot: open incidents unknown.' } });
    expect(m.text).toBe('Open: 0 pages, ? incidents');
    expect(JSON.stringify(m.blocks)).toContain('No open pages.');
    expect(JSON.stringify(m.blocks)).toContain(':grey_question: Incidents are not running on this bot');
  });

  it('a busy day stays one message within Slack limits', () => {
    const pages = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, subprojectId: 'registry', severity: 'low', summary: 'x'.repeat(900), status: 'triggered' as const, createdAt: NOW }));
    const m = openSummaryMessage({ now: NOW, timezone: 'UTC', pages, incidents: [] });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of m.blocks as { text?: { text: string } }[]) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
  });
});

describe('oncall-digest', () => {
  const from = new Date('2026-12-06T23:00:00Z');
  const to = new Date('2026-12-13T23:00:00Z');

  it('shows handoffs in UTC and the person’s zone, layers, overrides and gaps, all config text escaped', () => {
    const m = oncallDigestMessage({
      from,
      to,
      timezone: 'Europe/Berlin',
      subprojects: [
        {
          id: 'registry',
          name: `Registry ${HOSTILE}`,
          layered: true,
          shifts: [
            { start: new Date('2026-12-07T09:00:00Z'), end: new Date('2026-12-07T17:00:00Z'), mention: '<@U0UPODROI>', zone: 'Europe/London', why: 'rotation', layer: 'EMEA' },
            { start: new Date('2026-12-07T17:00:00Z'), end: new Date('2026-12-08T01:00:00Z'), mention: '<@U0BENTHEE>', zone: 'America/Los_Angeles', why: 'override', layer: HOSTILE },
          ],
          gaps: [
            { start: from, end: new Date('2026-12-07T09:00:00Z') },
            { start: new Date('2026-12-08T01:00:00Z'), end: to },
          ],
        },
        { id: 'dns', name: 'DNS', layered: false, shifts: [], gaps: [{ start: from, end: to }] },
      ],
    });
    expect(unescapedHostile(m)).toEqual([]);
    expect(m.text).toBe('On call this week (Mon 7 Dec – Sun 13 Dec 2026): gaps in registry, dns');
    expect(JSON.stringify(m.blocks)).toContain('Mon 7 Dec 17:00 UTC (Mon 09:00 PST for them, America/Los_Angeles) → Tue 8 Dec 01:00 UTC: <@U0BENTHEE> _(override)_');
    expect(m).toMatchSnapshot();
  });

  it('twenty layered subprojects stay within 50 blocks of 3000 characters', () => {
    const shifts = Array.from({ length: 300 }, (_, i) => ({ start: new Date(from.getTime() + i * H), end: new Date(from.getTime() + (i + 1) * H), mention: `<@U${i}>`, zone: 'Asia/Kolkata', why: 'rotation' as const, layer: 'Follow the sun' }));
    const subprojects = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, name: `Subproject ${i}`, layered: true, shifts, gaps: [] }));
    const m = oncallDigestMessage({ from, to, timezone: 'UTC', subprojects });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of m.blocks as { text?: { text: string } }[]) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(m.blocks)).toContain('… and 260 more shifts: `/k8s-infra schedule s0`.');
  });
});

describe('a report posted late', () => {
  it('says when it was due, in the schedule’s zone and UTC, and keeps within 50 blocks', () => {
    const report = { text: 'Staffing: every subproject meets the charter', blocks: Array.from({ length: 50 }, () => ({ type: 'divider' })) };
    const m = lateNotice(report, new Date('2026-12-01T15:00:00Z'), 'America/New_York');
    expect(m.text).toBe('(late) Staffing: every subproject meets the charter');
    expect(m.blocks).toHaveLength(50);
    expect(m.blocks[0]).toMatchObject({ type: 'context', elements: [{ text: ':hourglass: Posted late: this report was due Tue 1 Dec 2026 10:00 EST (15:00 UTC) while the bot was not running; it shows things as they were then.' }] });
  });
});
