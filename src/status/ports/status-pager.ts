/**
 * How the status capability asks for a person when a `pageOnDown` service goes down. The paging
 * engine implements it (src/handlers/status/escalation-status-pager.ts); tests use an in-memory one.
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

/** Pager for tests and for configurations without paging: remembers what it was asked. */
export class InMemoryStatusPager implements StatusPager {
  readonly open = new Map<string, StatusPageInput>();
  readonly calls: { action: 'trigger' | 'resolve'; ref: string; input: StatusPageInput }[] = [];

  async trigger(input: StatusPageInput): Promise<{ ref: string }> {
    const ref = `status-${input.key}`;
    if (!this.open.has(ref)) this.calls.push({ action: 'trigger', ref, input });
    this.open.set(ref, input);
    return { ref };
  }

  async resolve(ref: string, input: StatusPageInput): Promise<StatusPageResolution> {
    if (!this.open.delete(ref)) return 'already-resolved';
    this.calls.push({ action: 'resolve', ref, input });
    return 'resolved';
  }
}
