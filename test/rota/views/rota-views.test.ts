import { describe, expect, it } from 'vitest';
import { handoffAnnouncement, handoffDm } from '../../../src/rota/views/rota-handoff.ts';
import { onCallMessage } from '../../../src/rota/views/rota-oncall.ts';
import { overrideModal } from '../../../src/rota/views/rota-override-modal.ts';
import { MAX_SCHEDULE_LINES, scheduleMessage } from '../../../src/rota/views/rota-schedule.ts';
import { swapDecidedMessage, swapModal, swapProposalMessage } from '../../../src/rota/views/rota-swap.ts';

const T0 = new Date('2026-11-24T03:12:00Z');
const H = 3_600_000;

describe('rota views', () => {
  it('oncall message', () => {
    expect(
      onCallMessage(
        [
          { subprojectId: 'dns', name: 'DNS', primary: { mention: '<@U1>', localTime: '04:12', zone: 'Europe/Belgrade', withinWorkingHours: false }, secondary: '<@U2>', nextAt: new Date('2026-11-30T08:00:00Z'), next: '<@U2>' },
          { subprojectId: 'apps', name: 'Apps', noRotation: true },
          { subprojectId: 'registry', name: 'Registry' },
        ],
        'America/Los_Angeles',
      ),
    ).toMatchSnapshot();
  });

  it('oncall message with someone shadowing, the end shown in the reader’s zone', () => {
    const m = onCallMessage(
      [{ subprojectId: 'storage', name: 'GCS', primary: { mention: '<@U1>', localTime: '09:12', zone: 'America/Chicago', withinWorkingHours: true }, shadows: [{ mention: '<@U0HHHHHHH>', until: new Date('2026-12-08T03:12:00Z') }] }],
      'Europe/Berlin',
    );
    expect(m).toMatchSnapshot();
    expect(JSON.stringify(m.blocks)).toContain('shadowing: <@U0HHHHHHH> until Tue 8 Dec 04:12 GMT+1 (notified with the primary)');
  });

  it('handoff announcement and DM', () => {
    const h = { subprojectName: 'GCR', person: '<@UALICE>', until: new Date('2026-11-30T09:00:00Z'), next: '<@UBOB>' };
    expect(handoffAnnouncement(h).text).toBe(':pager: On call for GCR: <@UALICE>, until Mon 30 Nov 09:00 UTC, next <@UBOB>');
    expect(handoffDm(h)).toMatchSnapshot();
  });

  it('schedule message stays within 50 blocks and 3000 characters per section however long', () => {
    const shifts = Array.from({ length: 500 }, (_, i) => ({ start: new Date(T0.getTime() + i * H), end: new Date(T0.getTime() + (i + 1) * H), mention: `<@U${i}>`, why: 'rotation' as const, layer: i % 2 ? 'EMEA' : 'Fallback' }));
    const m = scheduleMessage({ subprojectId: 'registry', name: 'Registry', weeks: 12, shifts, zone: 'Europe/Paris' });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of m.blocks) expect((b as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(m.blocks)).toContain(`and ${500 - MAX_SCHEDULE_LINES} more`);
    expect(scheduleMessage({ subprojectId: 'dns', name: 'DNS', weeks: 1, shifts: shifts.slice(0, 2).map((s, i) => ({ ...s, why: i ? 'override' : 'swap' })), zone: 'UTC' })).toMatchSnapshot();
  });

  it('override modal', () => {
    const v = overrideModal({ subprojects: [{ id: 'dns', name: 'DNS' }, { id: 'registry', name: 'Registry' }], initialSubproject: 'dns', initialUser: 'U1', from: T0, to: new Date('2026-11-30T08:00:00Z'), maxLabel: '14 days' });
    expect((v as unknown as { title: { text: string } }).title.text.length).toBeLessThanOrEqual(24);
    expect((v as unknown as { submit: { text: string } }).submit.text.length).toBeLessThanOrEqual(24);
    expect(v).toMatchSnapshot();
  });

  it('swap modal, proposal and decision', () => {
    const opt = (iso: string, holder?: string) => ({ value: `dns-primary|${iso}`, rotationName: 'DNS primary', start: new Date(iso), end: new Date(Date.parse(iso) + 7 * 24 * H), ...(holder ? { holder } : {}) });
    expect(swapModal({ mine: [opt('2026-12-07T08:00:00.000Z')], theirs: [opt('2026-11-30T08:00:00.000Z', 'Davanum Srinivas')], zone: 'Europe/Paris' })).toMatchSnapshot();
    const p = { swapId: 'swap:V1', requester: '<@U1>', rotationName: 'DNS primary', theyGiveUp: new Date('2026-11-30T08:00:00Z'), theyGet: new Date('2026-12-07T08:00:00Z'), zone: 'America/New_York' };
    expect(swapProposalMessage(p)).toMatchSnapshot();
    expect(swapDecidedMessage({ ...p, decision: 'accepted', decidedBy: '<@U2>' }).text).toContain('Swap agreed by <@U2>');
  });
});
