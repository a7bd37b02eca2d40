import { audit } from '../../platform/outbox/effects.ts';
import { isIdle } from '../domain/ticket.ts';
import { nudgeMessage } from '../views/ticket-messages.ts';
import type { RequestDeps } from './request-deps.ts';
import { scheduleNudge } from './schedule-nudge.ts';

/**
 * An idle ticket's approvers (OWNERS of its paths) are reminded in its thread (by Slack mention
 * when the config knows them) and on GitHub, then reminded again after another idle spell.
 */
export async function nudgeIdleTicket(deps: Pick<RequestDeps, 'tickets' | 'notifier' | 'host' | 'clock' | 'settings' | 'people' | 'leads' | 'once' | 'commit' | 'db'>, ticketId: string, since: number, jobId: string, attempt: number): Promise<void> {
  const t = await deps.tickets.get(ticketId);
  const now = deps.clock.now();
  // Activity since this nudge was scheduled made it stale (a newer one is scheduled).
  if (!t || t.lastActivityAt !== since || !isIdle(t, now.getTime(), deps.settings.idleDays)) return;
  // A ticket without a PR waits on the admins: the leads stand in for OWNERS.
  const handles = t.approvers.length > 0 ? t.approvers : deps.people.filter((p) => deps.leads.includes(p.id)).map((p) => p.github);
  const known = handles.map((h) => deps.people.find((p) => p.github.toLowerCase() === h.toLowerCase())).filter((p) => p !== undefined);
  const days = Math.floor((now.getTime() - t.lastActivityAt) / 86_400_000);
  const message = nudgeMessage(t, known.map((p) => `<@${p.slack}>`), days);
  if (t.thread) await deps.notifier.post(t.thread.channel, { ...message, threadTs: t.thread.ts }, { key: jobId, checkFirst: attempt > 1 });
  const target = t.pr ?? t.issue;
  if (target && handles.length > 0) await deps.once(`${jobId}:github`, () => deps.host.comment(target.number, `${handles.map((h) => `@${h}`).join(' ')}: this request has waited ${days} days. PTAL.`));
  await deps.commit(deps.db, async () => ({ result: undefined, effects: [scheduleNudge(ticketId, since, deps.settings.idleDays, new Date(now.getTime() + deps.settings.idleDays * 86_400_000)), audit({ at: now, actor: 'system', action: 'request.nudged', subject: `request:${ticketId}`, payload: { approvers: handles, days } })] }));
}
