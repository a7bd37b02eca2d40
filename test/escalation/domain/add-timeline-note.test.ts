import { describe, expect, it } from 'vitest';
import { addTimelineNote } from '../../../src/escalation/domain/add-timeline-note.ts';
import type { PageState } from '../../../src/escalation/domain/page-state.ts';

const NOW = new Date('2026-11-24T03:20:00Z');
const page = { id: 'p1', status: 'triggered', version: 3, timeline: [{ at: '2026-11-24T03:12:00.000Z', kind: 'triggered', text: 'raised' }] } as unknown as PageState;

describe('addTimelineNote', () => {
  it('adds a note once per key and bumps the version', () => {
    const r = addTimelineNote(page, { key: 'reveal:1', text: "@nikhita revealed @bentheelder's phone", personId: 'nikhita' }, NOW);
    expect(r.kind).toBe('noted');
    expect(r.state.version).toBe(4);
    expect(r.state.timeline.at(-1)).toEqual({ at: NOW.toISOString(), kind: 'note', text: "@nikhita revealed @bentheelder's phone", noteKey: 'reveal:1', personId: 'nikhita' });
    expect(addTimelineNote(r.state, { key: 'reveal:1', text: 'again' }, NOW)).toMatchObject({ kind: 'already-noted', state: r.state });
  });
  it('leaves a resolved page alone', () => {
    expect(addTimelineNote({ ...page, status: 'resolved' }, { key: 'k', text: 'x' }, NOW).kind).toBe('closed');
  });
});
