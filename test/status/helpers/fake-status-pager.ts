import type { StatusPageInput, StatusPageResolution, StatusPager } from '../../../src/status/ports/status-pager.ts';

/** A pager that remembers what it was asked; `leaveOpen` makes resolving fail as the paging engine's rule can. */
export class FakeStatusPager implements StatusPager {
  readonly open = new Map<string, StatusPageInput>();
  readonly calls: { action: 'trigger' | 'resolve'; ref: string; input: StatusPageInput }[] = [];
  leaveOpen = false;

  async trigger(input: StatusPageInput): Promise<{ ref: string }> {
    const ref = `status-${input.key}`;
    if (!this.open.has(ref)) this.calls.push({ action: 'trigger', ref, input });
    this.open.set(ref, input);
    return { ref };
  }

  async resolve(ref: string, input: StatusPageInput): Promise<StatusPageResolution> {
    if (!this.open.has(ref)) return 'already-resolved';
    this.calls.push({ action: 'resolve', ref, input });
    if (this.leaveOpen) return 'left-open';
    this.open.delete(ref);
    return 'resolved';
  }
}
