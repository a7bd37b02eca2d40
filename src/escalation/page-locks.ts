/**
 * In-process mutual exclusion per page: a notification's "still triggered?" check and its send
 * happen under the same lock as an acknowledgement's commit, so an ack committed on this replica
 * is never followed by a send. Across replicas (PostgreSQL) the page row's FOR UPDATE does the same.
 */
export class PageLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async with<T>(pageId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(pageId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.tails.set(pageId, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(pageId) === tail) this.tails.delete(pageId);
    }
  }
}
