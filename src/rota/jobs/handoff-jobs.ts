import type { RotaTables } from '../store/tables.ts';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import { decideHandoff, HANDOFF_LOOKAHEAD_MS, handoffJobId } from '../domain/handoff-announcer.ts';
import type { JobContext } from '../../platform/jobs/job-runner.ts';
import type { Job, NewJob } from '../../platform/jobs/jobs.ts';
import { handoffAnnouncement, handoffDm } from '../views/rota-handoff.ts';
import type { RotaModel } from '../rota-model.ts';

export const ROTA_JOB_KINDS = { handoff: 'rota.handoff' } as const;

export interface HandoffJobPayload {
  subprojectId: string;
  at: string;
}

export function handoffJob(subprojectId: string, at: Date): NewJob {
  const payload: HandoffJobPayload = { subprojectId, at: at.toISOString() };
  return { id: handoffJobId(subprojectId, at), kind: ROTA_JOB_KINDS.handoff, dueAt: at, payload };
}

/** The job of each subproject's next handoff after `after`, with the changes stored now. */
export async function nextHandoffJobs(model: RotaModel, subprojectIds: readonly string[], after: Date): Promise<NewJob[]> {
  const jobs: NewJob[] = [];
  for (const id of subprojectIds) {
    const layers = await model.layers(id, after, new Date(after.getTime() + HANDOFF_LOOKAHEAD_MS));
    const next = layers.nextHandoff(after, HANDOFF_LOOKAHEAD_MS);
    if (next) jobs.push(handoffJob(id, next.at));
  }
  return jobs;
}

/** Enqueues the next handoff of every subproject with a rotation; ids make it safe from every replica at every start. */
export async function scheduleHandoffs(deps: OnCallDeps, model: RotaModel, now: Date): Promise<number> {
  let created = 0;
  for (const job of await nextHandoffJobs(model, model.rotaSubprojects().map((s) => s.id), now)) {
    if (await deps.jobs.enqueue(job, now)) created++;
  }
  return created;
}

/**
 * One handoff instant of one subproject. Who is on call is computed when the job fires, with the
 * overrides and swaps stored by then, and compared with the last handoff recorded: a row left for
 * an instant an override or swap has since made a non-event announces nothing. Then the record,
 * the next handoff's row and this job's completion commit together, so a restart re-runs at most
 * the Slack posts of a job that died between posting and committing.
 */
export async function runHandoffJob(deps: OnCallDeps, model: RotaModel, job: Job, ctx: JobContext): Promise<void> {
  const { subprojectId, at: iso } = job.payload as HandoffJobPayload;
  const at = new Date(iso);
  const subproject = model.subproject(subprojectId);
  if (!subproject) return; // removed from the config: the chain ends
  const repo = model.repository;
  const layers = await model.layers(subprojectId, at, new Date(at.getTime() + HANDOFF_LOOKAHEAD_MS));
  const already = await repo.announcementAt(subprojectId, at);
  const previous = already ? undefined : await repo.lastAnnouncementBefore(subprojectId, at);
  const decision = decideHandoff(layers, at, previous ? (previous.person ?? null) : undefined);

  if (!already && decision.announce && decision.person) {
    const view = {
      subprojectName: subproject.name,
      person: deps.people.mention(decision.person),
      ...(decision.until ? { until: decision.until } : {}),
      ...(decision.next ? { next: deps.people.mention(decision.next) } : {}),
    };
    await deps.notifier.post(subproject.channel, handoffAnnouncement(view));
    const slackId = deps.people.person(decision.person)?.slack;
    if (slackId) {
      await deps.notifier.dm(slackId, handoffDm(view)).catch((err: unknown) => deps.log.warn({ err, subprojectId }, 'rota: handoff DM failed'));
      if (subproject.syncUsergroup) await syncUsergroup(deps, subprojectId, slackId).catch((err: unknown) => deps.log.warn({ err, subprojectId }, 'rota: user group sync failed'));
    }
  }

  await deps.store.db.withTables<RotaTables>().transaction().execute(async (trx) => {
    if (!already) {
      await repo.recordAnnouncement(
        { subprojectId, at, person: decision.person, outcome: decision.announce ? 'announced' : 'unchanged' },
        ctx.now,
        trx,
      );
    }
    await deps.jobs.enqueue(handoffJob(subprojectId, decision.nextCheckAt), ctx.now, trx);
    if (!(await deps.jobs.complete(job.id, ctx.worker, ctx.now, trx))) throw new Error('handoff job lease lost');
  });
  deps.jobRunner.wake();
}

/** `@k8s-infra-oncall-<subproject>` holds the primary; created on first use. */
export async function syncUsergroup(deps: OnCallDeps, subprojectId: string, slackId: string): Promise<void> {
  const handle = `k8s-infra-oncall-${subprojectId}`;
  const list = await deps.slack.usergroups.list({ include_users: false });
  let group = list.usergroups?.find((g) => g.handle === handle);
  if (!group) {
    const created = await deps.slack.usergroups.create({ name: `k8s-infra on-call ${subprojectId}`, handle, description: `On call for ${subprojectId} (kept in sync by k8s-infra-bot)` });
    group = created.usergroup;
  }
  if (!group?.id) throw new Error(`user group ${handle} has no id`);
  await deps.slack.usergroups.users.update({ usergroup: group.id, users: slackId });
}
