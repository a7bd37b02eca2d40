import type { Probe, ProbeState, ProbeVerdict } from '../../../src/status/domain/probe.ts';

/** A probe whose answer the test sets between rounds. */
export function switchable(id: string, initial: ProbeState): Probe & { set(state: ProbeState, detail?: string): void } {
  let current: ProbeVerdict = { state: initial, detail: initial };
  return {
    id,
    type: 'test',
    label: id,
    run: async () => current,
    set(state, detail = state) {
      current = { state, detail };
    },
  };
}
