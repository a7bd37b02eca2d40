import { apiKey } from '../platform/capability.ts';
import type { Severity } from './domain/directory.ts';
import type { PageState } from './domain/page-state.ts';
import type { ResolveResult } from './domain/escalation-engine.ts';

export type { Severity as PageSeverity } from './domain/directory.ts';

export interface RaisePageRequest {
  subprojectId: string;
  severity: Severity;
  summary: string;
  details?: string;
  /** Person id (or Slack id for someone not in the config), or a capability's name. */
  createdBy: string;
  /** Idempotency key: the same key raises one page. */
  key: string;
}

/** What other capabilities may do with pages (status pages its services, incidents page their on-call). */
export interface PagingApi {
  raise(input: RaisePageRequest, now: Date): Promise<{ page: PageState; created: boolean }>;
  /**
   * Resolution on the caller's own authority (a probe that saw its service recover, an incident
   * resolved by its commander), audited with the reason; the rule for people does not apply.
   */
  resolveOnBehalf(pageId: string, actor: string, reason: string, now: Date): Promise<ResolveResult | undefined>;
  openPages(): Promise<PageState[]>;
  /**
   * A line on an open page's timeline (and its thread) written on the caller's authority, once
   * per key, audited as `actor` (a contact reveal). False when the page is resolved or unknown.
   */
  noteOnTimeline(pageId: string, note: { key: string; text: string; actor: string }, now: Date): Promise<boolean>;
}

export const PAGING_API = apiKey<PagingApi>('paging');
