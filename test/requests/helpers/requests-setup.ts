import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/core/clock.ts';
import type { CommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { openDatabase, type Store } from '../../../src/platform/store/open-database.ts';
import { requests } from '../../../src/requests/capability.ts';
import { REQUESTS_IDS } from '../../../src/requests/ids.ts';
import type { TicketStore } from '../../../src/requests/ports/ticket-store.ts';
import { sqlTicketStore } from '../../../src/requests/store/sql-ticket-store.ts';
import type { SlackView } from '../../../src/sandbox/slack-workspace.ts';
import { startHarness, type Harness } from '../../helpers/harness.ts';
import type { FakeGithub } from '../../integrations/github/fake-github.ts';
import type { InfraConfig } from '../../../src/platform/config/schema.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { sidesOfDiff } from './real-commits.ts';

export const REPO = 'kubernetes/k8s.io';
/** #6406's zone file before and after (jobset.sigs added below kueue.sigs with its owner comment). */
export const JOBSET = sidesOfDiff('dns-change-4e5442ea6c6f.diff');
export const DNS_TEMPLATE = readFileSync('test/fixtures/requests/dns-request.md', 'utf8');

/** A local copy of dns/zone-configs holding the real k8s.io base file before #6406, and an empty k8s.io.yaml. */
export function localZones(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zones-'));
  writeFileSync(join(dir, 'k8s.io._0_base.yaml'), JOBSET.before);
  writeFileSync(join(dir, 'k8s.io.yaml'), '# NS delegations live here, never in a base file.\n');
  return dir;
}

/** kubernetes/k8s.io as the fake GitHub serves it: the zone files, the templates, OWNERS, groups. */
export function k8sIoRepo(): Record<string, string> {
  const groups = (folder: string) => readFileSync(`test/fixtures/k8s.io/groups/${folder}/groups.yaml`, 'utf8');
  return {
    'dns/zone-configs/k8s.io._0_base.yaml': JOBSET.before,
    'dns/zone-configs/k8s.io.yaml': '# NS delegations live here, never in a base file.\n',
    'dns/OWNERS': readFileSync('test/fixtures/requests/dns/OWNERS', 'utf8'),
    '.github/ISSUE_TEMPLATE/dns-request.md': DNS_TEMPLATE,
    '.github/ISSUE_TEMPLATE/general-support.md': readFileSync('test/fixtures/requests/general-support.md', 'utf8'),
    'OWNERS_ALIASES': readFileSync('test/fixtures/k8s.io/OWNERS_ALIASES', 'utf8'),
    'groups/OWNERS': readFileSync('test/fixtures/k8s.io/groups/OWNERS', 'utf8'),
    'groups/sig-release/OWNERS': readFileSync('test/fixtures/k8s.io/groups/sig-release/OWNERS', 'utf8'),
    'groups/sig-release/groups.yaml': groups('sig-release'),
    'groups/restrictions.yaml': readFileSync('test/fixtures/k8s.io/groups/restrictions.yaml', 'utf8'),
    'infra/gcp/infra.yaml': readFileSync('test/fixtures/requests/infra.yaml', 'utf8'),
  };
}

/** config/infra.yaml with the requests pointed at local copies and a local DNS server. */
export function requestsTestConfig(zonesDir: string, dnsServer: string | undefined): InfraConfig {
  const config = testConfig();
  config.requests = {
    ...config.requests,
    zonesDir,
    groupsDir: 'test/fixtures/k8s.io/groups',
    live: { ...config.requests.live, nameservers: dnsServer ? [dnsServer] : [], firstCheckSeconds: 60, maxCheckSeconds: 600, maxChecks: 3, timeoutMs: 2000 },
  };
  return config;
}

/** Runs due jobs, moving the clock a few seconds at a time so retries run too. */
export async function settle(drain: () => Promise<void>, clock: ManualClock, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await drain();
    clock.advance(5_000);
  }
  await drain();
}

export interface RequestsE2E {
  e2e: Harness;
  github: FakeGithub;
  clock: ManualClock;
  store: Store;
  /** The tickets as the bot stored them (reads only). */
  tickets: TicketStore;
}

/** The bot with the requests capability only, the local GitHub seeded with kubernetes/k8s.io, an optional local DNS server. */
export async function startRequestsE2E(options: { dns?: boolean } = {}): Promise<RequestsE2E> {
  const clock = new ManualClock('2026-09-01T13:00:00Z');
  const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
  const zones = localZones();
  const e2e = await startHarness({
    clock,
    store,
    capabilities: [requests],
    github: { repos: { [REPO]: k8sIoRepo() } },
    ...(options.dns ? { dns: {} } : {}),
    config: (f) => requestsTestConfig(zones, f.dns?.address),
    manualJobs: true,
  });
  const readOnly: CommitTransition = async () => {
    throw new Error('the test reads tickets only');
  };
  return { e2e, github: e2e.github!, clock, store, tickets: sqlTicketStore(store.db, readOnly) };
}

/** `/k8s-infra request` in #wg-k8s-infra, the kind chosen: the kind's form, on top. */
export async function openRequestForm(e2e: Harness, userId: string, kind: 'dns' | 'staging' | 'other'): Promise<SlackView> {
  await e2e.slack.sendSlashCommand({ userId, channelId: e2e.slack.channelByName('wg-k8s-infra')!.id, text: 'request' });
  const chooser = await e2e.slack.waitFor(() => {
    const v = e2e.slack.topView(userId);
    return v?.callback_id === REQUESTS_IDS.callbacks.chooseKind ? v : undefined;
  }, { timeoutMs: 8000 });
  const next = await e2e.slack.submitView({ userId, viewId: chooser.id, values: { [REQUESTS_IDS.blocks.kind]: { [REQUESTS_IDS.actions.kind]: kind } } });
  if (next.responseAction !== 'update') throw new Error(`the kind chooser answered ${String(next.responseAction)}`);
  return e2e.slack.topView(userId)!;
}

/**
 * Fills and submits the DNS form, then files it from the confirmation that shows the existing and
 * the new record. Returns the confirmation's text, or the form's inline errors.
 */
export async function fileDnsRequest(e2e: Harness, userId: string, fields: Record<string, string>): Promise<{ confirmation: string; errors?: undefined } | { errors: Record<string, string>; confirmation?: undefined }> {
  const A = REQUESTS_IDS.actions as Record<string, string>;
  const B = REQUESTS_IDS.blocks as Record<string, string>;
  const form = await openRequestForm(e2e, userId, 'dns');
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [B[k]!, { [A[k]!]: v }]));
  const r = await e2e.slack.submitView({ userId, viewId: form.id, values });
  if (r.responseAction === 'errors') return { errors: r.errors ?? {} };
  const confirm = e2e.slack.topView(userId);
  if (r.responseAction !== 'update' || confirm?.callback_id !== REQUESTS_IDS.callbacks.dnsConfirm) throw new Error(`the DNS form answered ${String(r.responseAction)}`);
  const confirmation = JSON.stringify(confirm.blocks);
  const filed = await e2e.slack.submitView({ userId, viewId: confirm.id });
  if (!filed.ok || filed.responseAction !== undefined) throw new Error(`the confirmation answered ${String(filed.responseAction ?? filed.error)}`);
  return { confirmation };
}
