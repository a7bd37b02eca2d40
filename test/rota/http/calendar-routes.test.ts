import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { RotaRepository, subprojectsOfRotation } from '../../../src/rota/store/rota-repository.ts';
import type { RotaTables } from '../../../src/rota/store/tables.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { startHarnessWith, type RotaHarness } from '../helpers/rota-harness.ts';

const T0 = new Date('2026-11-24T03:12:00Z');

describe('calendar feeds', () => {
  let h: RotaHarness;
  const config = testConfig();
  beforeAll(async () => {
    h = await startHarnessWith(['rota'], { clock: new ManualClock(T0) });
    // ameukam covers DNS for a day on Wednesday; xmudrii's shift is otherwise unbroken.
    const repo = new RotaRepository(h.store.db.withTables<RotaTables>(), subprojectsOfRotation(config.subprojects));
    await repo.insertOverride({ id: 'o1', subprojectId: 'dns', person: 'ameukam', from: new Date('2026-11-25T00:00:00Z'), to: new Date('2026-11-26T00:00:00Z'), createdBy: 'ameukam' }, T0);
  });
  afterAll(async () => h.stop());

  const get = async (path: string) => {
    const res = await fetch(`${h.bot.url}${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };
  const events = (ics: string) => ics.split('BEGIN:VEVENT').slice(1);

  it('GET /calendar/<rotation>.ics lists 12 weeks of shifts with overrides, names only', async () => {
    const r = await get('/calendar/dns-primary.ics');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/calendar');
    expect(r.body).toContain('BEGIN:VCALENDAR');
    const ev = events(r.body);
    // current shift split by the override (3 pieces), then 11 whole weeks, the last reaching past the horizon.
    expect(ev.length).toBe(3 + 12);
    expect(r.body).toContain('SUMMARY:DNS primary: Arnaud Meukam (override)');
    expect(r.body).toContain('DTSTART:20261125T000000Z');
    for (const p of config.people) {
      expect(r.body).not.toContain(p.email);
      if (p.phone) expect(r.body).not.toContain(p.phone);
    }
  });

  it('GET /calendar/person/<id>.ics lists that person’s on-call time across subprojects', async () => {
    const r = await get('/calendar/person/ameukam.ics');
    expect(r.status).toBe(200);
    const summaries = events(r.body).map((e) => /SUMMARY:(.*)/.exec(e)?.[1]?.trim());
    expect(summaries).toContain('On call: dns (override)');
    expect(summaries.some((s) => s === 'On call: dns')).toBe(true); // 7 Dec, by rotation
    expect(r.body).not.toMatch(/@(?!k8s-infra-bot)[a-z0-9.-]+\.[a-z]{2,}/i);
  });

  it('answers 404 for an unknown rotation or person', async () => {
    expect((await get('/calendar/nope.ics')).status).toBe(404);
    expect((await get('/calendar/person/nobody.ics')).status).toBe(404);
    expect((await get('/calendar/dns-primary')).status).toBe(404);
  });
});
