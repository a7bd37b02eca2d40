import type { Severity } from '../domain/incident.ts';

export interface IncidentPageRequest {
  subprojectId: string;
  severity: Severity;
  summary: string;
  details: string;
  /** Slack id of whoever declared the incident. */
  by: string;
  /** The same key raises the same page: a retried set-up pages once. */
  key: string;
}

/** How the incident core raises and resolves pages, whatever engine does it. */
export interface IncidentPager {
  /** `notified` are the Slack ids of who is on call (invited to the channel). */
  page(request: IncidentPageRequest): Promise<{ pageId: string; notified: string[] }>;
  resolvePage(pageId: string, by: string): Promise<void>;
  /** When the page was acknowledged, if it was (an acknowledged page acknowledges the incident). */
  acknowledgedAt?(pageId: string): Promise<Date | undefined>;
}
