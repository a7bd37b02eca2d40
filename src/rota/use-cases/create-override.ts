import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import type { CoreConfig } from '../../platform/config/core-schema.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { audit, schedule } from '../../platform/outbox/effects.ts';
import { checkOverrideForm, type OverrideFormErrors } from '../domain/override-form.ts';
import { mayOverride } from '../domain/rota-policy.ts';
import { hasErrors } from '../domain/validate-override.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import type { HandoffRequest, RotaCommit, RotaRefusals } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';
import type { RotaSettings } from '../settings.ts';
import { formatUtcShort } from '../views/rota-format.ts';

export interface CreateOverrideDeps {
  model: Pick<RotaModel, 'subproject' | 'layerRotations'>;
  config: Pick<CoreConfig, 'leads' | 'people'>;
  people: Pick<PeopleDirectory, 'bySlackId' | 'mention'>;
  settings: Pick<RotaSettings, 'maxOverrideMs'>;
  commit: RotaCommit;
  handoffAt: HandoffRequest;
  notifier: Pick<Notifier, 'dm'>;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
  refusals: RotaRefusals;
  home: HomeRefresher;
}

export interface OverrideSubmission {
  /** The modal's view id: a retried submission creates one override. */
  viewId: string;
  /** Slack user who submitted. */
  submittedBy: string;
  subprojectId: string;
  /** Slack user chosen to cover. */
  cover?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export type CreateOverrideOutcome = 'invalid' | 'created' | 'exists';

/**
 * The override modal's submission. `answer` is Slack's ack: with the form's errors, or empty once
 * it is valid, before anything is written (the write and the DMs come after the ack). The
 * override, its audit entry and the handoff rows at both of its ends commit together.
 */
export async function createOverride(deps: CreateOverrideDeps, submission: OverrideSubmission, answer: (errors?: OverrideFormErrors) => Promise<void>): Promise<CreateOverrideOutcome> {
  const { subprojectId, cover, from, to } = submission;
  const now = deps.clock.now();
  const person = cover ? deps.people.bySlackId(cover)?.id : undefined;
  const submitter = deps.people.bySlackId(submission.submittedBy)?.id;
  const subproject = deps.model.subproject(subprojectId);
  const errors = checkOverrideForm(
    {
      subprojectId,
      hasRotation: subproject !== undefined && deps.model.layerRotations(subprojectId).length > 0,
      allowed: subproject !== undefined && mayOverride(submitter, subproject, deps.config.leads),
      person,
      chosen: cover ? `<@${cover}>` : undefined,
      from,
      to,
    },
    { now, maxDurationMs: deps.settings.maxOverrideMs, knownPeople: deps.config.people.map((p) => p.id) },
  );
  // Without errors every field is there; the second test only tells the compiler so.
  if (hasErrors(errors) || !subproject || !person || !cover || !from || !to) {
    if (subproject && !mayOverride(submitter, subproject, deps.config.leads)) {
      await deps.refusals.record({ actor: submission.submittedBy, action: 'override', subject: `subproject:${subprojectId}`, reason: 'not an owner or a lead' });
    }
    await answer(errors);
    return 'invalid';
  }
  await answer();
  const createdBy = submitter ?? submission.submittedBy;
  const id = `override:${submission.viewId}`;
  const created = await deps.commit(async (tx, at) => {
    if (!(await tx.insertOverride({ id, subprojectId, person, from, to, createdBy }, at))) return { result: false, effects: [] };
    return {
      result: true,
      effects: [
        audit({ at, actor: createdBy, action: 'override.created', subject: `subproject:${subprojectId}`, payload: { overrideId: id, person, from: from.toISOString(), to: to.toISOString() } }),
        // The person on call changes at both ends: those instants get handoff rows (the job re-checks when it fires).
        schedule(deps.handoffAt(subprojectId, from)),
        schedule(deps.handoffAt(subprojectId, to)),
      ],
    };
  });
  if (!created) return 'exists';
  deps.home.refresh([submission.submittedBy, cover, ...deps.model.layerRotations(subprojectId).flatMap((r) => r.participants)]);
  const text = `:repeat: Override: ${deps.people.mention(person)} covers *${subproject.name}* from ${formatUtcShort(from)} to ${formatUtcShort(to)} (created by ${deps.people.mention(createdBy)}).`;
  await deps.notifier.dm(submission.submittedBy, { text }).catch((err: unknown) => deps.log.warn({ err }, 'rota: override confirmation failed'));
  if (cover !== submission.submittedBy) await deps.notifier.dm(cover, { text }).catch((err: unknown) => deps.log.warn({ err }, 'rota: override DM failed'));
  return 'created';
}
