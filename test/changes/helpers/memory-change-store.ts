import type { Change, Review } from '../../../src/changes/domain/change.ts';
import type { ChangeStore, ChangeWrite, SaveOutcome } from '../../../src/changes/ports/change-store.ts';
import type { Effect } from '../../../src/platform/outbox/effects.ts';

/** The change store in memory, with the same rules (versions, keys) and every effect it was given. */
export class MemoryChangeStore implements ChangeStore {
  readonly changes = new Map<string, Change>();
  readonly reviews = new Map<string, Review[]>();
  readonly effects: Effect[] = [];
  private readonly keys = new Set<string>();

  async get(id: string) {
    const change = this.changes.get(id);
    return change ? { change: structuredClone(change), reviews: structuredClone(this.reviews.get(id) ?? []) } : undefined;
  }

  async create(change: Change, effects: readonly Effect[]): Promise<boolean> {
    if (this.changes.has(change.id)) return false;
    this.changes.set(change.id, structuredClone(change));
    this.effects.push(...effects);
    return true;
  }

  async save(write: ChangeWrite): Promise<SaveOutcome> {
    if (write.key && this.keys.has(write.key)) return 'already-done';
    const current = this.changes.get(write.before.id);
    if (!current || current.version !== write.before.version) return 'conflict';
    if (write.key) this.keys.add(write.key);
    const saved = { ...structuredClone(write.after), version: write.before.version + 1 };
    this.changes.set(saved.id, saved);
    if (write.review) this.reviews.set(saved.id, [...(this.reviews.get(saved.id) ?? []).filter((r) => r.reviewer !== write.review!.reviewer), write.review]);
    this.effects.push(...write.effects);
    return { saved };
  }

  async listOpen() {
    return [...this.changes.values()].filter((c) => c.state === 'open' || c.state === 'cleared');
  }

  async decisions() {
    return [...this.changes.values()].filter((c) => c.decidedAt !== null);
  }

  async byGithub(repo: string, number: number) {
    return [...this.changes.values()].filter((c) => (c.pr?.repo === repo && c.pr.number === number) || c.lazy?.issue?.number === number);
  }

  /** The delivery keys (deliverOnce) and job ids (schedule) asked for so far. */
  jobIds(): string[] {
    return this.effects.flatMap((e) => (e.kind === 'schedule' || e.kind === 'deliver-once' ? [e.job.id] : []));
  }
}
