/** How paging behaves where infra.yaml has no say (yet): module options, defaults below. */
export interface PagingSettings {
  /** Pages an hour (raised or joined) for someone not in the config. */
  strangerPagesPerHour: number;
  /**
   * How long a click (Acknowledge, Escalate now, Resolve) keeps being retried in the process
   * while the database is unreachable, with the time of the click, before the person is told it
   * could not be recorded. Kept well under a step's delay, so a retried ack cannot trail a step by much.
   */
  clickRetryMs: number;
}

export const DEFAULT_PAGING_SETTINGS: PagingSettings = { strangerPagesPerHour: 3, clickRetryMs: 20_000 };
