import type { StatusTables } from '../../../src/status/store/tables.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { statusAlertJob } from '../../../src/status/jobs/status-alert-job.ts';
import { statusPageJob } from '../../../src/status/jobs/status-page-job.ts';
import type { KyselyStatusRepository } from '../../../src/status/store/status-repository.ts';
import type { StatusRepository } from '../../../src/status/ports/status-repository.ts';
import { checkDeliveries } from '../../../src/status/use-cases/run-status-round.ts';
import { trackServiceState, type TrackedServiceState } from '../../../src/status/domain/track-service-state.ts';
import type { ServiceCheck } from '../../../src/status/domain/aggregate-service.ts';
import type { ProbeState } from '../../../src/status/domain/probe.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { InMemoryStatusRepository } from '../helpers/in-memory-status-repository.ts';
import { statusRepositoryOn } from '../helpers/status-store.ts';

const T0 = Date.parse('2026-11-24T03:00:00Z');

function check(serviceId: string, state: ProbeState, minute: number): ServiceCheck {
  const checkedAt = new Date(T0 + minute * 60_000);
  return {
    serviceId,
    state,
    detail: `${serviceId} is ${state}`,
    checkedAt,
    probes: [{ probeId: `http:${serviceId}`, label: `GET https://${serviceId}/`, state, detail: `HTTP ${state === 'ok' ? 200 : 503}`, checkedAt, durationMs: 12 }],
  };
}

/** Feeds the same rounds to a repository the way runStatusRound does. */
async function feed(repo: StatusRepository, rounds: [string, ProbeState, number][]): Promise<void> {
  for (const [id, state, minute] of rounds) {
    const prev = (await repo.loadStates([id]))[0];
    const c = check(id, state, minute);
    const t = trackServiceState(prev, c, { pageOnDown: true, holdChecks: 2 });
    await repo.saveCheck({ check: c, state: t.next }, checkDeliveries(t.changed, t.page, c.checkedAt), { previousCheckedAt: prev?.lastCheckedAt ?? null });
  }
}

const ROUNDS: [string, ProbeState, number][] = [
  ['registry', 'ok', 0],
  ['website', 'ok', 0],
  ['registry', 'ok', 1],
  ['website', 'ok', 1],
  ['registry', 'down', 2],
  ['website', 'degraded', 2],
  ['registry', 'down', 3],
  ['website', 'ok', 3],
  ['registry', 'ok', 4],
  ['registry', 'ok', 5],
];

describe.each(testDatabases)('KyselyStatusRepository on $name', (database) => {
  let store: Store;
  let repo: KyselyStatusRepository;
  beforeEach(async () => {
    store = await database.open();
    repo = statusRepositoryOn(store);
  });
  afterEach(async () => {
    await store.close();
  });

  it('stores states, checks and latest checks exactly as the in-memory reference does', async () => {
    const reference = new InMemoryStatusRepository();
    await feed(reference, ROUNDS);
    await feed(repo, ROUNDS);
    const byId = (a: TrackedServiceState, b: TrackedServiceState) => a.serviceId.localeCompare(b.serviceId);
    expect((await repo.loadStates()).sort(byId)).toEqual((await reference.loadStates()).sort(byId));
    expect(await repo.loadStates(['website'])).toEqual(await reference.loadStates(['website']));
    expect(await repo.loadStates([])).toEqual([]);
    const since = new Date(T0 + 2 * 60_000);
    const sortRec = <R extends { serviceId: string; checkedAt: Date }>(r: R[]) => r.sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime() || a.serviceId.localeCompare(b.serviceId));
    expect(await repo.listCheckRecords(since)).toEqual(sortRec(await reference.listCheckRecords(since)));
    expect(await repo.listCheckRecords(since, ['registry'])).toEqual(await reference.listCheckRecords(since, ['registry']));
    const latest = await repo.latestChecks();
    expect(latest).toEqual((await reference.latestChecks()).sort((a, b) => a.serviceId.localeCompare(b.serviceId)));
    expect(latest.find((c) => c.serviceId === 'registry')!.probes[0]!.checkedAt).toBeInstanceOf(Date);
  });

  it('queues each transition and page as an outbox job in the same transaction, once', async () => {
    await feed(repo, ROUNDS);
    const rows = await store.db.selectFrom('jobs').select(['id', 'kind', 'payload']).orderBy('id').execute();
    const alerts = rows.filter((r) => r.kind === statusAlertJob.kind).map((r) => JSON.parse(r.payload).transition);
    // registry: down (problem) then ok (recovery); website: degraded held only once → nothing.
    expect(alerts.map((t: { serviceId: string; kind: string; to: string }) => `${t.serviceId}:${t.kind}:${t.to}`)).toEqual(['registry:problem:down', 'registry:recovery:ok']);
    const pages = rows.filter((r) => r.kind === statusPageJob.kind).map((r) => JSON.parse(r.payload).page.action);
    expect(pages).toEqual(['resolve', 'trigger'].sort());
  });

  it('rolls the whole check back when the transaction fails, so no alert is queued alone', async () => {
    const c = check('registry', 'down', 0);
    const t = trackServiceState(undefined, c, { pageOnDown: true, holdChecks: 1 });
    expect(t.changed).not.toBeNull();
    const broken = { ...t.next, lastDetail: undefined as unknown as string }; // NOT NULL violation
    await expect(repo.saveCheck({ check: c, state: broken }, checkDeliveries(t.changed, t.page, c.checkedAt), { previousCheckedAt: null })).rejects.toThrow();
    expect(await store.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
    expect(await store.db.withTables<StatusTables>().selectFrom('status_checks').selectAll().execute()).toEqual([]);
  });

  it('records a check only onto the state it was computed from: two writers with the same read record one transition', async () => {
    await feed(repo, [['registry', 'ok', 0], ['registry', 'ok', 1], ['registry', 'down', 2]]);
    const prev = (await repo.loadStates(['registry']))[0]!;
    // Two runs of the round read the same state and both see the outage confirmed, a moment apart.
    const save = (minute: number) => {
      const c = check('registry', 'down', minute);
      const t = trackServiceState(prev, c, { pageOnDown: true, holdChecks: 2 });
      expect(t.changed?.to).toBe('down');
      return repo.saveCheck({ check: c, state: t.next }, checkDeliveries(t.changed, t.page, c.checkedAt), { previousCheckedAt: prev.lastCheckedAt });
    };
    expect((await Promise.all([save(3), save(3.5)])).sort()).toEqual(['saved', 'stale']);
    expect(await save(3.7)).toBe('stale');
    const alerts = await store.db.selectFrom('jobs').select('id').where('kind', '=', statusAlertJob.kind).execute();
    expect(alerts).toHaveLength(1);
    expect(await store.db.selectFrom('jobs').select('id').where('kind', '=', statusPageJob.kind).execute()).toHaveLength(1);
    // A first check of a service nobody has checked yet: also once.
    const first = (minute: number) => {
      const c = check('new', 'down', minute);
      const t = trackServiceState(undefined, c, { pageOnDown: false, holdChecks: 1 });
      return repo.saveCheck({ check: c, state: t.next }, checkDeliveries(t.changed, t.page, c.checkedAt), { previousCheckedAt: null });
    };
    expect((await Promise.all([first(4), first(4.5)])).sort()).toEqual(['saved', 'stale']);
    expect(await store.db.selectFrom('jobs').select('id').where('kind', '=', statusAlertJob.kind).execute()).toHaveLength(2);
  });

  it('prunes old checks and remembers the page reference', async () => {
    await feed(repo, ROUNDS);
    expect(await repo.pruneChecks(new Date(T0 + 2 * 60_000))).toBe(4);
    expect((await repo.listCheckRecords(new Date(0))).length).toBe(6);
    await repo.setPageRef('registry', 'clusters-abc');
    expect(await repo.pageRef('registry')).toBe('clusters-abc');
    // Saving the next check keeps the page reference.
    await feed(repo, [['registry', 'ok', 6]]);
    expect(await repo.pageRef('registry')).toBe('clusters-abc');
  });
});
