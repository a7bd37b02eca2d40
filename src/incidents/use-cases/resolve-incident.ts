import { schedule } from '../../platform/outbox/effects.ts';
import type { Incident } from '../domain/incident.ts';
import { incidentDurations } from '../domain/incident-durations.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentActor } from '../domain/incident-policy.ts';
import type { IncidentMetrics } from '../incident-metrics.ts';
import { closePagesJob } from '../jobs/close-pages.ts';
import { postDelivery } from '../jobs/post-incident-message.ts';
import { githubDelivery } from '../jobs/record-on-github.ts';
import type { IncidentPager } from '../ports/incident-pager.ts';
import { resolvedPost } from '../views/incident-messages.ts';
import { postKey, type AnnounceDeps } from './announce-change.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export interface ResolveIncidentDeps extends TransitionDeps, AnnounceDeps {
  pager: Pick<IncidentPager, 'acknowledgedAt'>;
  metrics: IncidentMetrics;
}

/**
 * Resolves with a summary (the stored commander or a lead only): the issue is closed and the
 * review opened from the outbox, the pages are resolved by a job, the resolution is posted by
 * jobs committed with it, and the times are observed.
 */
export async function resolveIncident(deps: ResolveIncidentDeps, incidentId: string, summary: string, by: IncidentActor, key: string): Promise<TransitionOutcome> {
  const r = await applyTransition(deps, {
    incidentId,
    key,
    actor: by,
    permission: 'resolve',
    action: 'incident.resolved',
    make: async (incident, now) => {
      const t = lifecycle.resolveIncident(incident, summary, by.slackId, now);
      if (!t.ok) return t;
      // A page acknowledged before the commander acted acknowledges the incident.
      const first = await firstPageAcknowledgement(deps, incident);
      if (first && (!incident.acknowledgedAt || first < incident.acknowledgedAt)) t.incident.acknowledgedAt = first;
      return t;
    },
    effects: (after, now) => [
      githubDelivery(`incident-github:${incidentId}:close`, { incidentId, action: 'close' }, now),
      ...(Object.keys(after.pages).length ? [schedule(closePagesJob.request({ id: `incident-close-pages:${incidentId}`, dueAt: now, payload: { incidentId, by: by.slackId } }))] : []),
      ...(after.channelId ? [postDelivery(postKey(incidentId, key, 'resolved-channel'), incidentId, after.channelId, resolvedPost(after, 'channel'), now)] : []),
      postDelivery(postKey(incidentId, key, 'resolved-announcements'), incidentId, deps.announcements, resolvedPost(after, 'announcements'), now),
    ],
  });
  if (r.ok) observeTimes(deps.metrics, r.after);
  return r;
}

async function firstPageAcknowledgement(deps: Pick<ResolveIncidentDeps, 'pager'>, incident: Incident): Promise<Date | undefined> {
  const acks = await Promise.all(Object.values(incident.pages).map((p) => deps.pager.acknowledgedAt?.(p).catch(() => undefined)));
  return acks.filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
}

/** Once per incident, when the times are final. */
function observeTimes(metrics: IncidentMetrics, incident: Incident): void {
  const d = incidentDurations(incident);
  const labels = { severity: incident.severity };
  if (d.toAcknowledge !== undefined) metrics.toAcknowledge.observe(labels, d.toAcknowledge);
  if (d.toMitigate !== undefined) metrics.toMitigate.observe(labels, d.toMitigate);
  if (d.toResolve !== undefined) metrics.toResolve.observe(labels, d.toResolve);
}
