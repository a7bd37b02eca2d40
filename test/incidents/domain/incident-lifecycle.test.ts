import { describe, expect, it } from 'vitest';
import { addPinnedMessage, assignRole, changeSeverity, declareIncident, postUpdate, resolveIncident, validateDeclare } from '../../../src/incidents/domain/incident-lifecycle.ts';
import { incidentDurations, formatSeconds } from '../../../src/incidents/domain/incident-durations.ts';
import { mayResolve } from '../../../src/incidents/domain/permissions.ts';
import { reminderDueAt } from '../../../src/incidents/domain/reminder-rule.ts';
import type { Incident } from '../../../src/incidents/domain/incident.ts';

const t0 = new Date('2026-11-24T10:00:00Z');
const min = (n: number) => new Date(t0.getTime() + n * 60_000);
const base = { id: 'inc-1', title: ' Registry pulls failing ', severity: 'SEV2' as const, services: ['registry', 'registry'], description: '', commander: 'UCMD', declarer: 'UDEC', page: true };

function ok(t: ReturnType<typeof postUpdate>): Incident {
  if (!t.ok) throw new Error(t.reason);
  return t.incident;
}

describe('incident lifecycle', () => {
  it('validates the title', () => {
    expect(validateDeclare({ title: '  ' }).title).toContain('short title');
    expect(validateDeclare({ title: 'x'.repeat(151) }).title).toContain('150');
    expect(validateDeclare({ title: 'ok' })).toEqual({});
  });

  it('declares investigating, unacknowledged unless the declarer commands', () => {
    const { incident, entries } = declareIncident(base, t0);
    expect(incident).toMatchObject({ title: 'Registry pulls failing', status: 'investigating', services: ['registry'], acknowledgedAt: null, updateSeq: 0 });
    expect(entries[0]!.text).toContain('commander <@UCMD>');
    expect(declareIncident({ ...base, commander: 'UDEC' }, t0).incident.acknowledgedAt).toEqual(t0);
  });

  it('acknowledges on the commander’s first act, mitigates on the first monitoring update, resolves once', () => {
    let i = declareIncident(base, t0).incident;
    i = ok(postUpdate(i, { status: 'identified', message: 'cdn', by: 'USOMEONE' }, min(5)));
    expect(i.acknowledgedAt).toBeNull();
    i = ok(postUpdate(i, { status: 'identified', message: 'on it', by: 'UCMD' }, min(7)));
    expect(i.acknowledgedAt).toEqual(min(7));
    i = ok(postUpdate(i, { status: 'monitoring', message: 'fixed', by: 'UCMD' }, min(20)));
    i = ok(postUpdate(i, { status: 'investigating', message: 'relapse', by: 'UCMD' }, min(25)));
    i = ok(postUpdate(i, { status: 'monitoring', message: 'fixed again', by: 'UCMD' }, min(30)));
    expect(i.mitigatedAt).toEqual(min(20));
    expect(i.updateSeq).toBe(5);
    i = ok(resolveIncident(i, 'renewed cert', 'UCMD', min(60)));
    expect(incidentDurations(i)).toEqual({ toAcknowledge: 420, toMitigate: 1200, toResolve: 3600 });
    expect(resolveIncident(i, 'again', 'UCMD', min(61))).toEqual({ ok: false, reason: expect.stringContaining('already resolved') });
    expect(postUpdate(i, { status: 'monitoring', message: 'x', by: 'UCMD' }, min(62)).ok).toBe(false);
  });

  it('refuses an update without a message or with status resolved', () => {
    const i = declareIncident(base, t0).incident;
    expect(postUpdate(i, { status: 'monitoring', message: ' ', by: 'UCMD' }, t0)).toMatchObject({ ok: false });
    expect(postUpdate(i, { status: 'resolved', message: 'done', by: 'UCMD' }, t0)).toMatchObject({ ok: false, reason: expect.stringContaining('incident resolve') });
    expect(resolveIncident(i, '', 'UCMD', t0)).toMatchObject({ ok: false });
  });

  it('assigns roles and changes severity', () => {
    let i = declareIncident(base, t0).incident;
    i = ok(assignRole(i, 'commander', 'UNEW', 'UDEC', min(1)));
    i = ok(assignRole(i, 'scribe', 'USCR', 'UNEW', min(2)));
    expect(i).toMatchObject({ commander: 'UNEW', roles: { scribe: 'USCR' }, acknowledgedAt: min(2) });
    i = ok(changeSeverity(i, 'SEV1', 'UNEW', min(3)));
    expect(i.severity).toBe('SEV1');
    expect(changeSeverity(i, 'SEV1', 'UNEW', min(4)).ok).toBe(false);
    expect(ok(addPinnedMessage(i, { author: 'UX', text: 'root cause' }, 'UY', min(5))).title).toBe('Registry pulls failing');
  });

  it('lets only the commander or a lead resolve', () => {
    const leads = new Set(['ULEAD']);
    expect(mayResolve({ commander: 'UCMD' }, 'UCMD', (u) => leads.has(u))).toBe(true);
    expect(mayResolve({ commander: 'UCMD' }, 'ULEAD', (u) => leads.has(u))).toBe(true);
    expect(mayResolve({ commander: 'UCMD' }, 'UOTHER', (u) => leads.has(u))).toBe(false);
  });

  it('reminds after the severity’s interval from the last update, and not in the past', () => {
    const minutes = { SEV1: 30, SEV2: 60, SEV3: 240, SEV4: 1440 };
    expect(reminderDueAt({ severity: 'SEV1', lastUpdateAt: t0 }, minutes)).toEqual(min(30));
    expect(reminderDueAt({ severity: 'SEV4', lastUpdateAt: t0 }, minutes)).toEqual(min(1440));
    expect(reminderDueAt({ severity: 'SEV2', lastUpdateAt: t0 }, minutes, min(60))).toEqual(min(120));
  });

  it('formats durations', () => {
    expect([45, 720, 3 * 3600 + 300, 2 * 86400 + 4 * 3600].map(formatSeconds)).toEqual(['45s', '12m', '3h 05m', '2d 4h']);
  });
});
