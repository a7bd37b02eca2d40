/**
 * One alert of a service is being posted at a time, across replicas: a newer alert waits while an
 * older one is in flight, so the channel never shows them out of order. Held by a delivery (its
 * key) until a time; a holder that died loses it when the time passes.
 */
export interface AlertLock {
  /** Takes (or keeps, for the same holder) the service's lock until `until`; false while another holds it. */
  acquire(serviceId: string, holder: string, until: Date, now: Date): Promise<boolean>;
  release(serviceId: string, holder: string): Promise<void>;
}
