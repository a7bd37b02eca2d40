import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { ROTA_API } from '../../../src/rota/api.ts';
import { RotaRepository, subprojectsOfRotation } from '../../../src/rota/store/rota-repository.ts';
import type { RotaTables } from '../../../src/rota/store/tables.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { startHarnessWith, type RotaHarness } from '../helpers/rota-harness.ts';

const T0 = new Date('2026-11-24T03:12:00Z');
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/test-infra/${name}`, import.meta.url), 'utf8'));

/** What test-infra's slack-oncall-updater accepts: `struct { Oncall map[string]string }` (extra top-level keys ignored, a non-string value fails the decode). */
function decodeLikeSlackOncallUpdater(doc: unknown): Map<string, string> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not a JSON object');
  const oncall = (doc as Record<string, unknown>).Oncall;
  if (typeof oncall !== 'object' || oncall === null || Array.isArray(oncall)) throw new Error('Oncall is not an object');
  return new Map(Object.entries(oncall).map(([k, v]) => {
    if (typeof v !== 'string') throw new Error(`Oncall.${k} is not a string`);
    return [k, v];
  }));
}

describe('GET /oncall.json', () => {
  let h: RotaHarness;
  const config = testConfig();
  const github = (personId: string) => config.people.find((p) => p.id === personId)!.github;
  beforeAll(async () => {
    h = await startHarnessWith(['rota'], { clock: new ManualClock(T0) });
    // An override now: the document must show who is really on call, not the rotation's plan.
    const repo = new RotaRepository(h.store.db.withTables<RotaTables>(), subprojectsOfRotation(config.subprojects));
    await repo.insertOverride({ id: 'o1', subprojectId: 'dns', person: 'dims', from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-11-25T00:00:00Z'), createdBy: 'dims' }, T0);
  });
  afterAll(async () => h.stop());

  it('the real documents decode the way test-infra decodes them (the check below can fail)', () => {
    expect([...decodeLikeSlackOncallUpdater(fixture('oncall.json'))]).toEqual([['testinfra', 'fake-oncall-name'], ['another-group', 'fake-oncall-name2']]);
    expect(decodeLikeSlackOncallUpdater(fixture('oncall-nobody.json')).get('testinfra')).toBe('');
    expect(() => decodeLikeSlackOncallUpdater({ Oncall: { testinfra: { github: 'x' } } })).toThrow();
  });

  it('serves the real shape: one "Oncall" object of rotation → GitHub handle, "" for nobody', async () => {
    const res = await fetch(`${h.bot.url}/oncall.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const doc = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(Object.keys(fixture('oncall.json') as object));
    const oncall = decodeLikeSlackOncallUpdater(doc);

    // The override wins; the rest is what the rota api answers for the same instant.
    expect(oncall.get('k8s-infra-dns')).toBe(github('dims'));
    const rota = h.bot.api(ROTA_API);
    for (const s of config.subprojects.filter((s) => s.rotations.length > 0)) {
      const now = await rota.onCall(s.id, T0);
      expect(oncall.get(`k8s-infra-${s.id}`)).toBe(now.primary ? github(now.primary) : '');
      if (now.secondary) expect(oncall.get(`k8s-infra-${s.id}-secondary`)).toBe(github(now.secondary));
    }
    // Subprojects without a rotation are not rotations of the community page.
    for (const s of config.subprojects.filter((s) => s.rotations.length === 0)) expect(oncall.has(`k8s-infra-${s.id}`)).toBe(false);
    // Registry's follow-the-sun windows are closed at 03:12 UTC on a Tuesday: its fallback layer answers.
    expect(oncall.get('k8s-infra-registry')).not.toBe('');
  });

  it('carries GitHub handles only: no e-mail, phone or Slack id', async () => {
    const body = await (await fetch(`${h.bot.url}/oncall.json`)).text();
    for (const p of config.people) {
      expect(body).not.toContain(p.email);
      expect(body).not.toContain(p.slack);
      if (p.phone) expect(body).not.toContain(p.phone);
    }
  });
});
