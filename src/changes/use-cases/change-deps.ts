import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import type { ChangeDirectory } from '../change-directory.ts';
import type { PathRule } from '../domain/path-rules.ts';
import type { ChangeStore } from '../ports/change-store.ts';
import type { ChangeTracker } from '../ports/change-tracker.ts';
import type { NoticeMailer } from '../ports/notice-mailer.ts';
import type { OpenIncidents } from '../ports/open-incidents.ts';
import type { PullRequestReader } from '../ports/pull-request-reader.ts';

/**
 * Everything the changes capability's use cases, jobs and listeners may need. Each declares the
 * narrow part it uses (`Pick<ChangeDeps, …>`), so a test builds only that.
 */
export interface ChangeDeps {
  changes: ChangeStore;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  directory: ChangeDirectory;
  notifier: Notifier;
  tracker: ChangeTracker;
  pulls: PullRequestReader;
  /** Present only when an SMTP relay is configured (SMTP_URL). */
  mailer: NoticeMailer | undefined;
  noticeFrom: string;
  openIncidents: OpenIncidents;
  pathRules: readonly PathRule[];
  labels: readonly string[];
}
