import type { Rotation } from '../../../src/rota/domain/types.ts';

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
