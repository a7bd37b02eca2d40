import type { Clock } from '../../../src/core/clock.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { KyselyStatusRepository } from '../../../src/status/store/status-repository.ts';

/** The status repository over a store the test opened, committing through the platform's outbox as the bot does. */
export function statusRepositoryOn(store: Store, clock: Clock = systemClock): KyselyStatusRepository {
  const commit = createCommitTransition({ jobs: new Jobs(store.db, store.dialect), audit: new AuditLog(store.db), clock, wake: () => {} });
  return new KyselyStatusRepository(store.db, commit);
}
