import type { PageState } from './page-state.ts';

export type AddNoteResult = { kind: 'noted'; state: PageState; effects: [] } | { kind: 'already-noted' | 'closed'; state: PageState; effects: [] };

/**
 * A line another capability writes on an open page's timeline (and so into its thread), e.g.
 * "@dims revealed @thockin's phone for page …". The same key adds it once.
 */
export function addTimelineNote(state: PageState, note: { key: string; text: string; personId?: string }, now: Date): AddNoteResult {
  if (state.status === 'resolved') return { kind: 'closed', state, effects: [] };
  if (state.timeline.some((e) => e.noteKey === note.key)) return { kind: 'already-noted', state, effects: [] };
  const entry = { at: now.toISOString(), kind: 'note' as const, text: note.text, noteKey: note.key, ...(note.personId ? { personId: note.personId } : {}) };
  return { kind: 'noted', state: { ...state, version: state.version + 1, timeline: [...state.timeline, entry] }, effects: [] };
}
