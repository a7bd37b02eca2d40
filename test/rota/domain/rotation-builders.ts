import { prepareRotation } from '../../../src/rota/domain/prepared-cache.ts';
import type { ChangesInput, Handoff, OnCall, Rotation, Shift } from '../../../src/rota/domain/types.ts';

/** An instant from ISO text; throws on a typo so a test cannot silently compare NaN. */
export function at(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad instant ${iso}`);
  return d;
}

export function rotation(overrides: Partial<Rotation> & Pick<Rotation, 'handoff' | 'start'>): Rotation {
  return {
    id: 'r',
    name: 'Test rotation',
    participants: ['alice', 'bob', 'carol'],
    shift: { length: 1, unit: 'days' },
    ...overrides,
  };
}

export const iso = (d: Date | undefined): string | undefined => d?.toISOString();

/** The engine's one-rotation questions, as the tests ask them: compile with the changes, then ask. */
export function whoIsOnCall(r: Rotation, changes: ChangesInput, instant: Date): OnCall | undefined {
  return prepareRotation(r, changes).whoIsOnCall(instant);
}

export function shifts(r: Rotation, changes: ChangesInput, from: Date, to: Date): Shift[] {
  return prepareRotation(r, changes).shifts(from, to);
}

export function nextHandoff(r: Rotation, changes: ChangesInput, after: Date, horizonMs?: number): Handoff | undefined {
  return prepareRotation(r, changes).nextHandoff(after, horizonMs);
}
