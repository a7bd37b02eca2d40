import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { audit, schedule } from '../../../src/platform/outbox/effects.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import type { Ticket } from '../../../src/requests/domain/ticket.ts';
import { sqlTicketStore } from '../../../src/requests/store/sql-ticket-store.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const T0 = new Date('2026-09-01T13:00:00Z');
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 'req-1',
  state: 'queued',
  requester: 'U0JIMANGE',
  channel: 'C1',
  spec: { kind: 'dns', dns: { action: 'create', zone: 'k8s.io', file: 'k8s.io._0_base.yaml', name: 'www.x', type: 'A', values: ['1.2.3.4'], ttl: 600, reason: 'r', after: 'x', comment: 'c' }, existing: undefined },
  title: 'DNS create A www.x.k8s.io',
  repo: 'kubernetes/k8s.io',
  paths: [],
  approvers: [],
  createdAt: T0.getTime(),
  lastActivityAt: T0.getTime(),
  version: 1,
  ...over,
});

describe.each(testDatabases)('the ticket store on $name', (database) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  async function open() {
    store = await database.open();
    const clock = new ManualClock(T0);
    const jobs = new Jobs(store.db, store.dialect);
    const auditLog = new AuditLog(store.db);
    return { tickets: sqlTicketStore(store.db, createCommitTransition({ jobs, audit: auditLog, clock, wake: () => undefined })), jobs, auditLog };
  }

  it('creates once with its effects, and round-trips the ticket', async () => {
    const { tickets, auditLog, jobs } = await open();
    const effects = [schedule({ id: 'requests.file:req-1', kind: 'requests.file', dueAt: T0, payload: { ticketId: 'req-1' } }), audit({ at: T0, actor: 'U0JIMANGE', action: 'request.submitted', subject: 'request:req-1', payload: {} })];
    expect(await tickets.create(ticket(), effects)).toBe(true);
    expect(await tickets.create(ticket({ title: 'again' }), effects)).toBe(false);
    expect(await tickets.get('req-1')).toEqual(ticket());
    expect(await auditLog.list({ action: 'request.submitted' })).toHaveLength(1);
    expect((await jobs.claimDue('w', new Date(T0.getTime() + 1), 10, 60_000)).map((j) => j.id)).toEqual(['requests.file:req-1']);
  });

  it('finds a ticket by its issue or its PR, by requester, and the open ones', async () => {
    const { tickets } = await open();
    await tickets.create(ticket({ state: 'pr-open', issue: { number: 5, url: 'u5' }, pr: { number: 6, url: 'u6' } }), []);
    await tickets.create(ticket({ id: 'req-2', requester: 'U0OTHER', state: 'closed', createdAt: T0.getTime() + 1 }), []);
    expect((await tickets.byGithub('Kubernetes/K8s.io', 5))?.id).toBe('req-1');
    expect((await tickets.byGithub('kubernetes/k8s.io', 6))?.id).toBe('req-1');
    expect(await tickets.byGithub('kubernetes/k8s.io', 7)).toBeUndefined();
    expect((await tickets.byRequester('U0OTHER', 10)).map((t) => t.id)).toEqual(['req-2']);
    expect((await tickets.open(10)).map((t) => t.id)).toEqual(['req-1']);
  });

  it('saves only over the version it read (a concurrent write is a conflict)', async () => {
    const { tickets } = await open();
    await tickets.create(ticket(), []);
    const before = (await tickets.get('req-1'))!;
    const saved = await tickets.save(before, { ...before, state: 'filed' }, []);
    expect(saved).toMatchObject({ state: 'filed', version: 2 });
    expect(await tickets.save(before, { ...before, state: 'closed' }, [])).toBe('conflict');
    expect((await tickets.get('req-1'))!.state).toBe('filed');
  });
});
