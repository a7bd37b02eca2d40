import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { schedule } from '../../platform/outbox/effects.ts';
import { decideHandoff, HANDOFF_LOOKAHEAD_MS } from '../domain/handoff-announcer.ts';
import type { HandoffRequest, OnCallUsergroup, RotaCommit, RotaReads } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';
import { handoffAnnouncement, handoffDm } from '../views/rota-handoff.ts';

export interface AnnounceHandoffDeps {
  model: Pick<RotaModel, 'subproject' | 'layers'>;
  announcements: Pick<RotaReads, 'announcementAt' | 'lastAnnouncementBefore'>;
  /** The job's transaction: the record, the next handoff's row and the job's completion commit together. */
  commit: RotaCommit;
  handoffAt: HandoffRequest;
  notifier: Pick<Notifier, 'post' | 'dm'>;
  people: Pick<PeopleDirectory, 'mention' | 'person'>;
  usergroup: OnCallUsergroup;
  log: Pick<Logger, 'warn'>;
}

export type HandoffOutcome = 'announced' | 'unchanged' | 'already-recorded' | 'unknown-subproject';

/**
 * One handoff instant of one subproject. Who is on call is computed when the job fires, with the
 * overrides and swaps stored by then, and compared with the last handoff recorded: a row left for
 * an instant an override or swap has since made a non-event announces nothing. Then the record
 * and the next handoff's row commit together, so a restart re-runs at most the Slack posts of a
 * job that died between posting and committing.
 */
export async function announceHandoff(deps: AnnounceHandoffDeps, handoff: { subprojectId: string; at: Date; retry?: boolean }): Promise<HandoffOutcome> {
  const { subprojectId, at } = handoff;
  const subproject = deps.model.subproject(subprojectId);
  if (!subproject) return 'unknown-subproject'; // removed from the config: the chain ends
  const layers = await deps.model.layers(subprojectId, at, new Date(at.getTime() + HANDOFF_LOOKAHEAD_MS));
  const already = await deps.announcements.announcementAt(subprojectId, at);
  const previous = already ? undefined : await deps.announcements.lastAnnouncementBefore(subprojectId, at);
  const decision = decideHandoff(layers, at, previous ? (previous.person ?? null) : undefined);

  if (!already && decision.announce && decision.person) {
    const view = {
      subprojectName: subproject.name,
      person: deps.people.mention(decision.person),
      ...(decision.until ? { until: decision.until } : {}),
      ...(decision.next ? { next: deps.people.mention(decision.next) } : {}),
    };
    // Keyed by the handoff: a run that died after posting and before committing (a kill, a lost
    // answer) looks for its own post before posting again, so nobody sees the handoff twice.
    const key = `handoff:${subprojectId}:${at.toISOString()}`;
    const checkFirst = handoff.retry === true;
    await deps.notifier.post(subproject.channel, handoffAnnouncement(view), { key, checkFirst });
    const slackId = deps.people.person(decision.person)?.slack;
    if (slackId) {
      await deps.notifier.dm(slackId, handoffDm(view), { key: `${key}:dm`, checkFirst }).catch((err: unknown) => deps.log.warn({ err, subprojectId }, 'rota: handoff DM failed'));
      if (subproject.syncUsergroup) await deps.usergroup.follow(subprojectId, slackId).catch((err: unknown) => deps.log.warn({ err, subprojectId }, 'rota: user group sync failed'));
    }
  }

  const outcome: HandoffOutcome = already ? 'already-recorded' : decision.announce ? 'announced' : 'unchanged';
  return deps.commit(async (tx, now) => {
    if (!already) await tx.recordAnnouncement({ subprojectId, at, person: decision.person, outcome: decision.announce ? 'announced' : 'unchanged' }, now);
    return { result: outcome, effects: [schedule(deps.handoffAt(subprojectId, decision.nextCheckAt))] };
  });
}
