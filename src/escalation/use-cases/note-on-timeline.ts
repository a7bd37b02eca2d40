import { addTimelineNote } from '../domain/add-timeline-note.ts';
import type { PageStore } from '../ports/page-store.ts';

export interface NoteOnTimelineDeps {
  pages: Pick<PageStore, 'transition'>;
}

/** Another capability's line on an open page's timeline, on its own authority (audited as it). False when the page is closed or unknown. */
export async function noteOnTimeline(deps: NoteOnTimelineDeps, input: { pageId: string; key: string; text: string; actor: string }, now: Date): Promise<boolean> {
  const out = await deps.pages.transition(input.pageId, now, (s) => addTimelineNote(s, { key: input.key, text: input.text, personId: input.actor }, now), {
    audit: (r) => (r.kind === 'noted' ? { actor: input.actor, action: 'page.noted', payload: { key: input.key, text: input.text } } : undefined),
  });
  return out !== undefined && out.result.kind !== 'closed';
}
