import { describe, expect, it } from 'vitest';
import { addPinnedMessage, assignRole, changeSeverity, declareIncident, postUpdate, resolveIncident, validateDeclare } from '../../../src/incidents/domain/incident-lifecycle.ts';
import { incidentDurations, formatSeconds } from '../../../src/incidents/domain/incident-durations.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { reminderDueAt } from '../../../src/incidents/domain/reminder-rule.ts';
import type { Incident } from '../../../src/incidents/domain/incident.ts';

const t0 = new Date('2026-11-24T10:00:00Z');
const min = (n: number) => new Date(t0.getTime() + n * 60_000);
const base = { id: 'inc-1', title: ' Registry pulls failing ', severity: 'SEV2' as const, services: ['registry', 'registry'], description: '', commander: 'U0CMD', declarer: 'U0DEC', page: true };

function ok(t: ReturnType<typeof postUpdate>): Incident {
  if (!t.ok) throw new Error(t.reason);
  return t.incident;
}

describe('incident lifecycle', () => {
  it('validates the title, the description’s length and the commander', () => {
    expect(validateDeclare({ title: '  ' }).title).toContain('short title');
    expect(validateDeclare({ title: 'x'.repeat(151) }).title).toBe('Keep the title to 150 characters (this one has 151); put details in the description.');
    expect(validateDeclare({ title: 'ok', description: 'd'.repeat(2901) }).description).toBe('The description can be at most 2,900 characters (this one has 2,901).');
    expect(validateDeclare({ title: 'ok', commander: 'U1> <!channel' }).commander).toBe('Pick the commander from the list.');
    expect(validateDeclare({ title: 'ok', description: 'd'.repeat(2900), commander: 'U0AMEUKAM' })).toEqual({});
  });

  it('escapes what people typed in every timeline entry, once', () => {
    let i = declareIncident(base, t0).incident;
    const update = postUpdate(i, { status: 'identified', message: HOSTILE, by: 'U0CMD' }, min(1));
    if (!update.ok) throw new Error(update.reason);
    i = update.incident;
    const pinned = addPinnedMessage(i, { author: 'U0AUTHOR', text: HOSTILE }, 'U0CMD', min(2));
    const resolved = resolveIncident(i, HOSTILE, 'U0CMD', min(3));
    const entries = [update, pinned, resolved].flatMap((t) => (t.ok ? t.entries : []));
    expect(entries).toHaveLength(3);
    expect(unescapedHostile(entries)).toEqual([]);
    expect(entries[0]!.text).toBe('*identified*: &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S0LEADS&gt; &lt;@U0DIMS001&gt; &lt;https://evil.example|click me&gt; &amp; &lt;#C0SECRET&gt;');
    // Ids that are not Slack user ids (a crafted payload) are never rendered as a mention.
    expect(assignRole(i, 'scribe', 'U0SCRIBE1', '<!here>', min(4))).toMatchObject({ ok: true, entries: [{ text: '<@U0SCRIBE1> is now scribe (set by &lt;!here&gt;)' }] });
  });

  it('refuses an update or a resolution over its limit, saying the limit', () => {
    const i = declareIncident(base, t0).incident;
    expect(postUpdate(i, { status: 'identified', message: 'x'.repeat(2950), by: 'U0CMD' }, t0)).toEqual({
      ok: false,
      reason: 'An update can be at most 2,900 characters (this one has 2,950). Shorten it, or put the details in the GitHub issue.',
    });
    expect(resolveIncident(i, 'x'.repeat(100_000), 'U0CMD', t0)).toEqual({ ok: false, reason: 'A resolution summary can be at most 2,900 characters (this one has 100,000).' });
    expect(postUpdate(i, { status: 'identified', message: 'x'.repeat(2900), by: 'U0CMD' }, t0).ok).toBe(true);
  });

  it('clips a long pinned message on the timeline', () => {
    const i = declareIncident(base, t0).incident;
    const t = addPinnedMessage(i, { author: 'U0AUTHOR', text: 'y'.repeat(5000) }, 'U0CMD', t0);
    expect(t.ok && t.entries[0]!.text.length).toBe('<@U0AUTHOR>: '.length + 500);
  });

  it('declares investigating, unacknowledged unless the declarer commands', () => {
    const { incident, entries } = declareIncident(base, t0);
    expect(incident).toMatchObject({ title: 'Registry pulls failing', status: 'investigating', services: ['registry'], acknowledgedAt: null, updateSeq: 0 });
    expect(entries[0]!.text).toContain('commander <@U0CMD>');
    expect(declareIncident({ ...base, commander: 'U0DEC' }, t0).incident.acknowledgedAt).toEqual(t0);
  });

  it('acknowledges on the commander’s first act, mitigates on the first monitoring update, resolves once', () => {
    let i = declareIncident(base, t0).incident;
    i = ok(postUpdate(i, { status: 'identified', message: 'cdn', by: 'USOMEONE' }, min(5)));
    expect(i.acknowledgedAt).toBeNull();
    i = ok(postUpdate(i, { status: 'identified', message: 'on it', by: 'U0CMD' }, min(7)));
    expect(i.acknowledgedAt).toEqual(min(7));
    i = ok(postUpdate(i, { status: 'monitoring', message: 'fixed', by: 'U0CMD' }, min(20)));
    i = ok(postUpdate(i, { status: 'investigating', message: 'relapse', by: 'U0CMD' }, min(25)));
    i = ok(postUpdate(i, { status: 'monitoring', message: 'fixed again', by: 'U0CMD' }, min(30)));
    expect(i.mitigatedAt).toEqual(min(20));
    expect(i.updateSeq).toBe(5);
    i = ok(resolveIncident(i, 'renewed cert', 'U0CMD', min(60)));
    expect(incidentDurations(i)).toEqual({ toAcknowledge: 420, toMitigate: 1200, toResolve: 3600 });
    expect(resolveIncident(i, 'again', 'U0CMD', min(61))).toEqual({ ok: false, reason: expect.stringContaining('already resolved') });
    expect(postUpdate(i, { status: 'monitoring', message: 'x', by: 'U0CMD' }, min(62)).ok).toBe(false);
  });

  it('refuses an update without a message or with status resolved', () => {
    const i = declareIncident(base, t0).incident;
    expect(postUpdate(i, { status: 'monitoring', message: ' ', by: 'U0CMD' }, t0)).toMatchObject({ ok: false });
    expect(postUpdate(i, { status: 'resolved', message: 'done', by: 'U0CMD' }, t0)).toMatchObject({ ok: false, reason: expect.stringContaining('incident resolve') });
    expect(resolveIncident(i, '', 'U0CMD', t0)).toMatchObject({ ok: false });
  });

  it('assigns roles and changes severity', () => {
    let i = declareIncident(base, t0).incident;
    i = ok(assignRole(i, 'commander', 'U0NEW', 'U0DEC', min(1)));
    i = ok(assignRole(i, 'scribe', 'U0SCR', 'U0NEW', min(2)));
    expect(i).toMatchObject({ commander: 'U0NEW', roles: { scribe: 'U0SCR' }, acknowledgedAt: min(2) });
    i = ok(changeSeverity(i, 'SEV1', 'U0NEW', min(3)));
    expect(i.severity).toBe('SEV1');
    expect(changeSeverity(i, 'SEV1', 'U0NEW', min(4)).ok).toBe(false);
    expect(ok(addPinnedMessage(i, { author: 'U0AUTHOR', text: 'root cause' }, 'U0Y', min(5))).title).toBe('Registry pulls failing');
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
