import type { PagerAlert, PagerOutcome, PagerRef } from '../domain/pager-types.ts';

export type { ExternalPagerEvent, PagerAction, PagerAlert, PagerOutcome, PagerRef } from '../domain/pager-types.ts';
export { MAX_PAGE_ID_LENGTH } from '../domain/pager-types.ts';

/** Implemented by src/integrations/pagerduty; the escalation only sees this. */
export interface Pager {
  trigger(alert: PagerAlert): Promise<PagerOutcome>;
  acknowledge(ref: PagerRef): Promise<PagerOutcome>;
  resolve(ref: PagerRef): Promise<PagerOutcome>;
}
