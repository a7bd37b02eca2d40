import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import { audit, type Effect } from '../../platform/outbox/effects.ts';
import type { Incident, TimelineEntry } from '../domain/incident.ts';
import type { Transition } from '../domain/incident-lifecycle.ts';
import { mayAct, refusalText, type IncidentAction, type IncidentActor } from '../domain/incident-policy.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import { peopleOfIncident } from '../domain/incident-people.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export type TransitionOutcome =
  | { ok: true; before: Incident; after: Incident; entries: TimelineEntry[] }
  | { ok: false; reason: string; duplicate?: boolean; refused?: IncidentAction };

export interface TransitionDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'saveTransition'>;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
  home: HomeRefresher;
}

export interface TransitionRequest {
  incidentId: string;
  /** From the Slack payload, so a retried delivery is answered "already done". */
  key: string;
  actor: IncidentActor;
  /** What the policy is asked, on the incident as stored when the change is written. */
  permission: IncidentAction;
  /** The audit action, e.g. `incident.updated`. */
  action: string;
  /** The domain's rule: the incident after the change, or why not. */
  make(incident: Incident, now: Date): Transition | Promise<Transition>;
  /** Jobs and posts the change asks for, committed with it. */
  effects?(after: Incident, now: Date, entries: readonly TimelineEntry[]): Effect[];
  dedupKey?: string;
}

/** Two people changing the same incident at once: the loser reads it again, a few times. */
const ATTEMPTS = 5;

/**
 * Reads the incident, asks the policy whether this person may do this to it as it is now,
 * applies the domain's rule and writes the change with its timeline, audit entry, jobs and posts
 * in one transaction (only if nobody changed the incident since it was read), then refreshes the
 * pinned summary in the background. No network call happens while the transaction is open.
 */
export async function applyTransition(deps: TransitionDeps, request: TransitionRequest): Promise<TransitionOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await deps.incidents.get(request.incidentId);
    if (!before) return { ok: false, reason: 'No such incident.' };
    if (!mayAct(request.permission, before, request.actor)) return { ok: false, reason: refusalText(request.permission, before), refused: request.permission };
    const now = deps.clock.now();
    const t = await request.make(before, now);
    if (!t.ok) return t;
    const saved = await deps.incidents.saveTransition({
      key: request.key,
      before,
      after: t.incident,
      entries: t.entries,
      ...(request.dedupKey ? { dedupKey: request.dedupKey } : {}),
      effects: [
        audit({ at: now, actor: request.actor.slackId, action: request.action, subject: `incident:${before.id}`, payload: { entries: t.entries.map((e) => e.text), status: t.incident.status, severity: t.incident.severity } }),
        ...(request.effects?.(t.incident, now, t.entries) ?? []),
      ],
    });
    if (saved === 'already-done') return { ok: false, reason: 'Already done.', duplicate: true };
    if (saved === 'duplicate-entry') return { ok: false, reason: 'Already on the timeline.', duplicate: true };
    if (saved === 'conflict') continue;
    void refreshSummary(deps, before.id).catch((err: unknown) => deps.log.warn({ err, incident: before.id }, 'could not refresh the incident summary'));
    deps.home.refresh([...peopleOfIncident(before), ...peopleOfIncident(t.incident)]);
    return { ok: true, before, after: t.incident, entries: t.entries };
  }
  return { ok: false, reason: 'The incident changed while saving; try again.' };
}
