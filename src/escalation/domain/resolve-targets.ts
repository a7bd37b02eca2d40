import type { EscalationTarget } from './policy-schema.ts';
import { describeTarget } from './policy-schema.ts';
import type { Contact, EscalationDirectory } from './directory.ts';

export interface ResolvedPerson {
  contact: Contact;
  /** The first target that named them (a person named twice in one step is notified once). */
  via: string;
  /** Set for a shadow: the primary they are notified with (they never are in that primary's place). */
  shadowOf?: string;
}

export interface ResolvedTargets {
  people: ResolvedPerson[];
  /** Why a target produced nobody: empty rotation, unknown id... Recorded on the timeline. */
  notes: string[];
}

/**
 * Turns a step's targets into distinct people, in target order, as of `now`. A `primary` target
 * brings the people shadowing the rotation right after the primary (`shadowOf` set); someone
 * named by another target first (an owner, say) is that, not a shadow.
 */
export function resolveTargets(
  targets: readonly EscalationTarget[],
  subprojectId: string,
  now: Date,
  directory: EscalationDirectory,
): ResolvedTargets {
  const byId = new Map(directory.people.map((p) => [p.id, p] as const));
  const people: ResolvedPerson[] = [];
  const seen = new Set<string>();
  const notes: string[] = [];

  const add = (ids: readonly string[], via: string, shadowOf?: string): void => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      const contact = byId.get(id);
      if (!contact) {
        notes.push(`${via}: unknown person '${id}' (not in people), not notified`);
        continue;
      }
      seen.add(id);
      people.push({ contact, via, ...(shadowOf !== undefined ? { shadowOf } : {}) });
    }
  };

  for (const target of targets) {
    const via = describeTarget(target);
    if (typeof target !== 'string') {
      add([target.person], via);
      continue;
    }
    switch (target) {
      case 'primary':
      case 'secondary': {
        const id = directory.onCall[target](subprojectId, now);
        if (id === undefined) notes.push(`nobody on call as ${target} for ${subprojectId}`);
        else add([id], via);
        // Shadows come with the primary only: with nobody on call they are not paged alone.
        if (target === 'primary' && id !== undefined) add(directory.onCall.shadows?.(subprojectId, now) ?? [], `shadow of ${via}`, id);
        break;
      }
      case 'owners':
        if (directory.owners.length === 0) notes.push(`${subprojectId} has no owners`);
        add(directory.owners, via);
        break;
      case 'leads':
        if (directory.leads.length === 0) notes.push('no leads configured');
        add(directory.leads, via);
        break;
    }
  }
  return { people, notes };
}
