import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessFieldErrors, AccessValidationRules } from '../domain/validate-access-request.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import { defaultSectionIndex } from '../domain/member-list-layout.ts';

export interface RequestAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
  rules: AccessValidationRules;
  policy: lifecycle.AccessPolicy;
  log: Pick<Logger, 'error'>;
}

/** The request modal as submitted. */
export interface AccessRequestForm {
  group: string;
  email: string;
  justification: string;
  until: string | undefined;
  temporary: boolean;
  /** The placement step's answers; undefined when the step was not shown yet. */
  placement?: { section: string | undefined; note: string | undefined } | undefined;
}

/** The list needs the placement step first (sections to choose from, or a note to give). */
export interface PlacementNeeded {
  sections: readonly string[];
  defaultSection: number;
  notes: boolean;
}

const NOTE_MAX = 100;

export type RequestAccessResult =
  | { ok: true; request: AccessRequest; message: string; duplicate: boolean }
  | { ok: false; errors: AccessFieldErrors }
  | { ok: false; placement: PlacementNeeded };

/**
 * The request modal's submit: validate against the catalog, create, persist with its effects
 * (the approval message is posted from the outbox). `id` comes from the submission, so a
 * retried view_submission finds the request it made instead of making another.
 */
export async function requestAccess(deps: RequestAccessDeps, args: { id: string; userId: string; form: AccessRequestForm }): Promise<RequestAccessResult> {
  const { id, userId, form } = args;
  const existing = await deps.requests.get(id);
  if (existing) return { ok: true, request: existing, message: 'Already submitted.', duplicate: true };
  if (form.temporary && !form.until) return { ok: false, errors: { until: 'Temporary access needs its last day.' } };
  let catalog;
  try {
    catalog = await deps.catalog.get();
  } catch (err) {
    deps.log.error({ err }, 'groups catalog unavailable');
    return { ok: false, errors: { group: 'The bot cannot read the groups from GitHub right now; try again in a minute.' } };
  }
  const result = lifecycle.requestAccess({
    id,
    requester: deps.people.actorFor(userId),
    input: { group: form.group, email: form.email, justification: form.justification, until: form.temporary ? form.until : undefined },
    catalog,
    rules: deps.rules,
    policy: deps.policy,
    now: deps.clock.now(),
  });
  if (!result.ok) return { ok: false, errors: result.errors };
  const group = catalog.find(form.group)!;
  const sectioned = group.memberSections.length > 1;
  if ((sectioned || group.membersCarryNotes) && !form.placement) {
    const sections = group.memberSections.map((s) => ({ entries: s.members.map((value) => ({ value })) }));
    return { ok: false, placement: { sections: group.memberSections.map((s) => s.title), defaultSection: defaultSectionIndex(sections, form.email.trim()), notes: group.membersCarryNotes } };
  }
  const placement: NonNullable<AccessRequest['placement']> = {};
  if (sectioned) {
    const index = Number(form.placement?.section);
    const chosen = Number.isInteger(index) ? group.memberSections[index] : undefined;
    if (!chosen) return { ok: false, errors: { section: 'Choose the section of the members list the address goes in.' } };
    placement.section = chosen.title;
  }
  const note = form.placement?.note?.replace(/\s+/g, ' ').trim();
  if (note) {
    if (note.length > NOTE_MAX) return { ok: false, errors: { note: `At most ${NOTE_MAX} characters (this is ${note.length}).` } };
    placement.note = note;
  }
  const transition: lifecycle.Transition = {
    ...result,
    request: { ...result.request, ...(Object.keys(placement).length > 0 ? { placement } : {}) },
    effects: [...result.effects, { type: 'notify-requester', key: `${id}:notify-requester:requested`, requestId: id, slackUserId: userId, text: result.message }],
  };
  const inserted = await deps.requests.save(undefined, transition);
  return { ok: true, request: transition.request, message: result.message, duplicate: !inserted };
}
