/**
 * The runner's contract, in memory: a page row with optimistic concurrency (`version`), an outbox
 * of notifications, and step jobs. The real store does the same with one transaction per commit.
 */
import type { EscalationEffect, NotifyEffect, ScheduleNextStepEffect, Transition } from '../../../src/escalation/domain/effects.ts';
import { shouldDeliver } from '../../../src/escalation/domain/effects.ts';
import type { PageState } from '../../../src/escalation/domain/page-state.ts';

export class InMemoryPageStore {
  private pages = new Map<string, string>();
  outbox: NotifyEffect[] = [];
  jobs: ScheduleNextStepEffect[] = [];
  sent: NotifyEffect[] = [];
  dropped: NotifyEffect[] = [];

  insert(state: PageState, effects: EscalationEffect[]): void {
    this.pages.set(state.id, JSON.stringify(state));
    this.enqueue(effects);
  }

  load(id: string): PageState {
    const row = this.pages.get(id);
    if (!row) throw new Error(`no page ${id}`);
    return JSON.parse(row) as PageState;
  }

  /** UPDATE ... WHERE version = expected, plus the effects, atomically. False when someone else committed first. */
  commit(expectedVersion: number, transition: Transition): boolean {
    if (this.load(transition.state.id).version !== expectedVersion) return false;
    this.pages.set(transition.state.id, JSON.stringify(transition.state));
    this.enqueue(transition.effects);
    return true;
  }

  /** Load, apply, commit; on a lost race reload and apply again. Returns the committed transition. */
  apply(id: string, fn: (state: PageState) => Transition): Transition {
    for (;;) {
      const before = this.load(id);
      const t = fn(before);
      if (t.state.version === before.version) return t; // no-op: nothing to write
      if (this.commit(before.version, t)) return t;
    }
  }

  /** Sends each pending notification if the page, read right now, still wants it. */
  deliver(): void {
    for (const n of this.outbox.splice(0)) {
      if (shouldDeliver(this.load(n.pageId), n)) this.sent.push(n);
      else this.dropped.push(n);
    }
  }

  private enqueue(effects: EscalationEffect[]): void {
    for (const e of effects) {
      if (e.kind === 'notify' && !this.outbox.some((o) => o.key === e.key)) this.outbox.push(e);
      if (e.kind === 'schedule-next-step') this.jobs.push(e);
      if (e.kind === 'cancel-next-step') this.jobs = this.jobs.filter((j) => j.pageId !== e.pageId);
    }
  }
}
