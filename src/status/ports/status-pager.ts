/**
 * How the status capability asks for a person when a `pageOnDown` service goes down. The paging
 * engine implements it (../escalation-status-pager.ts); tests use a fake of their own.
 */
export interface StatusPageInput {
  serviceId: string;
  serviceName: string;
  /** Whose on-call is paged (the service's `subproject`). */
  subprojectId: string;
  summary: string;
  details: string;
  /** Idempotency key: the same key raises one page however often it is delivered. */
  key: string;
}

export type StatusPageResolution = 'resolved' | 'already-resolved' | 'left-open';

export interface StatusPager {
  /** Raises (or finds, for a repeated key) the page; returns the engine's id for it. */
  trigger(input: StatusPageInput, now: Date): Promise<{ ref: string }>;
  /** The service recovered: resolve the page if the engine lets the bot, else say so to people. */
  resolve(ref: string, input: StatusPageInput, now: Date): Promise<StatusPageResolution>;
}
