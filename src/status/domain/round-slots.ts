/**
 * Scheduled rounds run on fixed slots (every `intervalMs` since the epoch), so every replica
 * computes the same due times and a slot's round is one job however many replicas ask for it.
 */
export function slotStart(now: Date, intervalMs: number): Date {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs);
}

/** The slot after the one `now` falls in: missed slots are skipped, not replayed. */
export function nextSlot(now: Date, intervalMs: number): Date {
  return new Date(slotStart(now, intervalMs).getTime() + intervalMs);
}
