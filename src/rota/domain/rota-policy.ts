/**
 * Who may change the rota. Refusals are answered to the person inline or ephemerally; these
 * rules are the whole of it.
 */

/** Owners of the subproject and the group's leads may cover its shifts (create overrides). */
export function mayOverride(personId: string | undefined, subproject: { owners: readonly string[] }, leads: readonly string[]): boolean {
  return personId !== undefined && (leads.includes(personId) || subproject.owners.includes(personId));
}

/** Only the person a swap was proposed to may accept or decline it. */
export function mayAnswerSwap(personId: string | undefined, swap: { counterpart: string }): boolean {
  return personId !== undefined && personId === swap.counterpart;
}
