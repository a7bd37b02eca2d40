import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Notifier, PostedMessage } from '../core/notifier.ts';
import type { CoreConfig } from '../platform/config/core-schema.ts';
import type { PeopleDirectory } from '../platform/config/people-directory.ts';
import type { HomeRefresher } from '../platform/home/home-contract.ts';
import type { CommitTransition } from '../platform/outbox/commit-transition.ts';
import type { CoreTables } from '../platform/store/core-tables.ts';
import type { Dialect } from '../platform/store/open-database.ts';
import type { OnCallService } from '../rota/api.ts';
import { choosePolicy } from './domain/choose-policy.ts';
import type { PageResponders } from './domain/page-permissions.ts';
import type { EscalationPolicy } from './domain/policy-schema.ts';
import type { DirectoryLookup } from './ports/directory-lookup.ts';
import type { PageAuditTrail } from './ports/page-audit.ts';
import type { Pager } from './ports/pager.ts';
import type { PagingMetrics } from './ports/paging-metrics.ts';
import { rotaDirectory } from './rota-directory.ts';
import type { PagingSettings } from './settings.ts';
import { PageReportRepository } from './store/page-report-repository.ts';
import { PageRepository } from './store/page-repository.ts';
import { pageMessage, type ShowPage } from './views/paging-message.ts';

/** What paging takes from the bot (the platform's services, the rota's api, its own config section). */
export interface PagingServices {
  db: Kysely<CoreTables>;
  dialect: Dialect;
  commit: CommitTransition;
  config: Pick<CoreConfig, 'people' | 'subprojects' | 'leads' | 'channels'>;
  policies: readonly EscalationPolicy[];
  rota: () => OnCallService;
  /** Everyone in a subproject's rotations. */
  participants(subprojectId: string): readonly string[];
  people: Pick<PeopleDirectory, 'mention'>;
  /** Paging's keyed deliveries (see paging-slack.ts). */
  notifier: Notifier;
  findDm(slackId: string, key: string): Promise<PostedMessage | undefined>;
  audit: PageAuditTrail;
  pager: Pager;
  hasPager(subprojectId: string): boolean;
  metrics: PagingMetrics;
  settings: PagingSettings;
  log: Pick<Logger, 'warn'>;
  home: HomeRefresher;
}

/** Everything paging's use cases and jobs need; each takes its own narrow part of it. */
export interface PagingDeps {
  pages: PageRepository;
  reports: PageReportRepository;
  directoryFor: DirectoryLookup;
  policyFor(subprojectId: string): EscalationPolicy;
  hasPager(subprojectId: string): boolean;
  respondersFor(subprojectId: string): PageResponders;
  showPage: ShowPage;
  channelFor(subprojectId: string): string;
  notifier: Notifier;
  findDm(slackId: string, key: string): Promise<PostedMessage | undefined>;
  audit: PageAuditTrail;
  pager: Pager;
  metrics: PagingMetrics;
  strangerPagesPerHour: number;
  home: HomeRefresher;
  log: { warn(details: Record<string, unknown>, message: string): void };
}

export function pagingDeps(s: PagingServices): PagingDeps {
  const subproject = (id: string) => s.config.subprojects.find((x) => x.id === id);
  return {
    pages: new PageRepository(s.db, s.dialect, s.commit),
    reports: new PageReportRepository(s.db, s.dialect),
    directoryFor: rotaDirectory(s.config, s.rota),
    policyFor: (id) => choosePolicy(s.policies, subproject(id)?.escalationPolicy),
    hasPager: (id) => s.hasPager(id),
    respondersFor: (id) => ({ owners: subproject(id)?.owners ?? [], participants: s.participants(id), leads: s.config.leads }),
    showPage: (page) => pageMessage(page, (id) => s.people.mention(id), subproject(page.subprojectId)?.name),
    channelFor: (id) => subproject(id)?.channel ?? s.config.channels.alerts.name,
    notifier: s.notifier,
    findDm: (slackId, key) => s.findDm(slackId, key),
    audit: s.audit,
    pager: s.pager,
    metrics: s.metrics,
    strangerPagesPerHour: s.settings.strangerPagesPerHour,
    home: s.home,
    log: { warn: (details, message) => s.log.warn(details, message) },
  };
}
