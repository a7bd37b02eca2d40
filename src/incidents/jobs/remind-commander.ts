import { z } from 'zod';
import type { Notifier } from '../../core/notifier.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { schedule, type Effect } from '../../platform/outbox/effects.ts';
import { SEVERITIES, type Incident } from '../domain/incident.ts';
import { reminderDueAt, reminderJobId, type ReminderMinutes } from '../domain/reminder-rule.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { reminderPost } from '../views/incident-messages.ts';

const payload = z.object({
  incidentId: z.string(),
  /** The update sequence and severity it was scheduled for: a newer update or a new severity supersedes it. */
  seq: z.number().int(),
  severity: z.enum(SEVERITIES),
  nudge: z.number().int(),
});

export interface RemindCommanderDeps {
  incidents: Pick<IncidentStore, 'get' | 'record'>;
  /** Keyed posts: each carries its key, and a retry looks for it before posting again. */
  deliveries: Pick<Notifier, 'post'>;
  reminderMinutes: ReminderMinutes;
}

/** Nudges the commander when no update came in the severity's interval, then schedules the next nudge. */
export const remindCommanderJob = defineJob('incident.reminder', payload, async (p, ctx, deps: RemindCommanderDeps) => {
  const incident = await deps.incidents.get(p.incidentId);
  if (!incident || incident.status === 'resolved' || incident.updateSeq !== p.seq || incident.severity !== p.severity || !incident.channelId) return;
  const minutes = Math.round((ctx.now.getTime() - incident.lastUpdateAt.getTime()) / 60_000);
  // Keyed on the job: a retry after a lost answer or a restart finds the nudge already posted.
  await deps.deliveries.post(incident.channelId, reminderPost(incident, minutes), { key: ctx.job.id, checkFirst: ctx.job.attempts > 1 });
  await deps.incidents.record(incident.id, {
    entry: { at: ctx.now, kind: 'reminder', actor: 'system', text: `Reminded <@${incident.commander}>: no update for ${minutes} min` },
    dedupKey: `reminder:${ctx.job.id}`,
    effects: [nextReminder(incident, deps.reminderMinutes, p.nudge + 1, ctx.now)],
    complete: ctx.complete,
  });
});

/** The reminder a change asks for: the severity's interval after the last update (or after `after`). */
export function nextReminder(incident: Incident, minutes: ReminderMinutes, nudge: number, after?: Date): Effect {
  return schedule(
    remindCommanderJob.request({
      id: reminderJobId(incident, nudge),
      dueAt: reminderDueAt(incident, minutes, after),
      payload: { incidentId: incident.id, seq: incident.updateSeq, severity: incident.severity, nudge },
    }),
  );
}
