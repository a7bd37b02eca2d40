import { accessModule } from '../../../src/access/capability.ts';
import type { AccessIntegrations } from '../../../src/access/ports/access-integrations.ts';
import type { AuditSink } from '../../../src/access/ports/audit-sink.ts';
import type { AccessTables } from '../../../src/access/store/tables.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { openDatabase } from '../../../src/platform/store/open-database.ts';
import type { FakeGithub } from '../../integrations/github/fake-github.ts';
import { startHarness, type Harness, type HarnessOptions } from '../../helpers/harness.ts';

export interface AccessHarness extends Harness {
  github: FakeGithub;
  /** The integrations the running capability uses (its catalog, code host and audit sink). */
  integrations: AccessIntegrations;
  /** The bot's audit log, over the store the test opened. */
  audit: AuditLog;
  /**
   * Resolves once the bot has recorded the pull request it opened (GitHub shows it a moment
   * before the job commits its number): a webhook for it sent earlier would be ignored.
   */
  botRecordedPr(number: number): Promise<void>;
}

/**
 * The access capability alone, on the one e2e harness, with the local GitHub seeded with `repos`.
 * `auditSink` stands in for Cloud Logging (config.access.cloudLogging): the same AuditSink interface.
 */
export async function startAccessHarness(
  options: Omit<HarnessOptions, 'capabilities' | 'github' | 'store'> & { repos: Record<string, Record<string, string>>; auditSink?: AuditSink },
): Promise<AccessHarness> {
  const { repos, auditSink, ...rest } = options;
  let integrations: AccessIntegrations | undefined;
  const access = accessModule({
    integrations: (built) => (integrations = auditSink ? { catalog: built.catalog, codeHost: () => built.codeHost(), auditSink: () => auditSink, mode: built.mode } : built),
  });
  // Not migrated here: the bot runs the platform's and access's migrations only (a database
  // migrated for every capability would have migrations this bot does not know).
  const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
  const harness = await startHarness({ ...rest, store, capabilities: [access], github: { repos } });
  if (!integrations || !harness.github) throw new Error('the access capability did not start');
  const audit = new AuditLog(store.db);
  const requests = store.db.withTables<AccessTables>();
  const clock = rest.clock;
  const botRecordedPr = async (number: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const row = await requests.selectFrom('access_requests').select('id').where((eb) => eb.or([eb('pr_number', '=', number), eb('removal_pr_number', '=', number)])).executeTakeFirst();
      if (row) return;
      // A job that opened the PR while another job changed the request retries after its backoff
      // (it finds its PR then); on a hand-driven clock that time has to be reached by hand.
      const retry = await store.db.selectFrom('jobs').select('due_at').where('kind', '=', 'access.open-pr').where('status', '=', 'pending').where('last_error', 'is not', null).orderBy('due_at').executeTakeFirst();
      if (retry && clock instanceof ManualClock && Number(retry.due_at) > clock.now().getTime()) {
        clock.set(Number(retry.due_at));
        await harness.drain();
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the bot never recorded PR #${number}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { ...harness, github: harness.github, integrations, audit, botRecordedPr };
}
