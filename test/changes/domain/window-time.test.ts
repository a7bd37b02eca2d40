import { describe, expect, it } from 'vitest';
import { windowStartIn } from '../../../src/changes/domain/window-time.ts';

describe('the window’s start, entered in the author’s zone and stored in UTC', () => {
  it('reads a wall-clock time in the zone', () => {
    expect(windowStartIn('2026-04-14', '10:00', 'Europe/Belgrade')).toEqual({ ok: true, at: new Date('2026-04-14T08:00:00Z') });
    expect(windowStartIn('2026-01-14', '10:00', 'Europe/Belgrade')).toEqual({ ok: true, at: new Date('2026-01-14T09:00:00Z') });
  });

  it('refuses a time the clocks skip, and takes the first of a time that happens twice', () => {
    const gap = windowStartIn('2026-03-29', '02:30', 'Europe/Belgrade');
    expect(gap).toEqual({ ok: false, reason: '02:30 does not exist on 2026-03-29 in Europe/Belgrade (the clocks go forward that night): pick another time.' });
    // 02:30 on 25 Oct 2026 happens at +02:00 and again at +01:00 in Belgrade: the first one.
    expect(windowStartIn('2026-10-25', '02:30', 'Europe/Belgrade')).toEqual({ ok: true, at: new Date('2026-10-25T00:30:00Z') });
  });

  it('asks for what is missing', () => {
    expect(windowStartIn(undefined, '10:00', 'UTC')).toEqual({ ok: false, reason: 'Pick the date the window starts.' });
    expect(windowStartIn('2026-04-14', undefined, 'UTC')).toEqual({ ok: false, reason: 'Pick the time the window starts.' });
    expect(windowStartIn('2026-02-30', '10:00', 'UTC').ok).toBe(false);
  });
});
