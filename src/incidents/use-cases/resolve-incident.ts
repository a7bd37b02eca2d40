import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import { schedule } from '../../platform/outbox/effects.ts';
import type { Incident } from '../domain/incident.ts';
import { incidentDurations } from '../domain/incident-durations.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import { mayResolve } from '../domain/permissions.ts';
import type { IncidentMetrics } from '../incident-metrics.ts';
import { closePagesJob } from '../jobs/close-pages.ts';
import { githubDelivery } from '../jobs/record-on-github.ts';
import type { IncidentPager } from '../ports/incident-pager.ts';
import { resolvedPost } from '../views/incident-messages.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export interface ResolveIncidentDeps extends TransitionDeps {
  pager: Pick<IncidentPager, 'acknowledgedAt'>;
  isLead(slackId: string): boolean;
  metrics: IncidentMetrics;
  notifier: Pick<Notifier, 'post' | 'update'>;
  announcements: string;
  log: Pick<Logger, 'warn'>;
}

/**
 * Resolves with a summary (commander or lead only): the issue is closed and the review opened
 * from the outbox, the pages are resolved by a job, the times are observed and announced.
 */
export async function resolveIncident(deps: ResolveIncidentDeps, incidentId: string, summary: string, by: string, key: string): Promise<TransitionOutcome> {
  const r = await applyTransition(deps, {
    incidentId,
    key,
    actor: by,
    action: 'incident.resolved',
    make: async (incident, now) => {
      if (!mayResolve(incident, by, deps.isLead)) return { ok: false, reason: `Only the commander (<@${incident.commander}>) or a lead can resolve this incident.` };
      const t = lifecycle.resolveIncident(incident, summary, by, now);
      if (!t.ok) return t;
      // A page acknowledged before the commander acted acknowledges the incident.
      const first = await firstPageAcknowledgement(deps, incident);
      if (first && (!incident.acknowledgedAt || first < incident.acknowledgedAt)) t.incident.acknowledgedAt = first;
      return t;
    },
    effects: (after, now) => [
      githubDelivery(`incident-github:${incidentId}:close`, { incidentId, action: 'close' }, now),
      ...(Object.keys(after.pages).length ? [schedule(closePagesJob.request({ id: `incident-close-pages:${incidentId}`, dueAt: now, payload: { incidentId, by } }))] : []),
    ],
  });
  if (!r.ok) return r;
  observeTimes(deps.metrics, r.after);
  try {
    if (r.after.channelId) await deps.notifier.post(r.after.channelId, resolvedPost(r.after, 'channel'));
    await deps.notifier.post(deps.announcements, resolvedPost(r.after, 'announcements'));
  } catch (err) {
    deps.log.warn({ err, incident: incidentId }, 'could not post the resolution');
  }
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
