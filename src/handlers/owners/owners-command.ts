import type { SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { Person } from '../../platform/config/sections/people.ts';
import { audit } from '../../platform/outbox/effects.ts';
import { findPersonArg } from '../../owners/domain/person-arg.ts';
import type { NominationDeps } from '../../owners/ports/nomination-deps.ts';
import { staffingReports, type StaffingReportDeps } from '../../owners/use-cases/staffing-report.ts';
import { checkNomination } from '../../owners/use-cases/submit-nomination.ts';
import { offboardOwner } from '../../owners/use-cases/offboard-owner.ts';
import { ownersMessage } from '../../owners/views/owners-report.ts';
import { nominationModal } from '../../owners/views/nomination-views.ts';
import { subprojectOrThrow } from './subproject-arg.ts';

export type OwnersCommandDeps = {
  config: StaffingReportDeps['config'] & SubprojectsAndServices & { people: readonly Person[] };
  people: Pick<PeopleDirectory, 'mention' | 'bySlackId' | 'isLead'>;
  nominations: NominationDeps;
};

const USAGE = 'Usage: `/k8s-infra owners [subproject]`, `/k8s-infra owners nominate @person <subproject>`, `/k8s-infra owners offboard @person <subproject> [confirm]`.';

/**
 * `/k8s-infra owners [subproject]`: the charter's staffing report for this UTC week.
 * `owners nominate @x <subproject>`: the nomination form. `owners offboard @x <subproject> [confirm]`.
 */
export function ownersCommand(deps: OwnersCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const [first, personArg, subArg, ...extra] = ctx.args;
    if (first === 'nominate' || first === 'offboard') {
      if (!personArg || !subArg) throw new UserFacingError(USAGE);
      const person = findPersonArg(personArg, deps.config.people);
      if (!person) throw new UserFacingError(`Nobody called ${personArg} is in the config's people; add them there first.`);
      const subprojectId = subprojectOrThrow(deps.config, subArg);
      const by = deps.people.bySlackId(ctx.userId)?.id;
      const byIsLead = deps.people.isLead(ctx.userId);
      if (first === 'nominate') {
        const check = await checkNomination(deps.nominations, { by, byIsLead, personId: person.id, subprojectId }, ctx.now);
        if (!check.ok) {
          if (check.refused) {
            const entry = { at: ctx.now, actor: by ?? ctx.userId, action: 'owners.refused', subject: `subproject:${subprojectId}`, payload: { action: 'nominate', person: person.id } };
            await deps.nominations.commit(deps.nominations.db, async () => ({ result: undefined, effects: [audit(entry)] }));
          }
          return ctx.reply({ response_type: 'ephemeral', text: check.message });
        }
        await ctx.ack();
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: nominationModal({ subprojectId, personId: person.id, mention: deps.people.mention(person.id), effect: check.effect }) });
        return;
      }
      const confirm = extra[0] === 'confirm';
      if (extra.length > 0 && !confirm) throw new UserFacingError(USAGE);
      const r = await offboardOwner(deps.nominations, { key: `${ctx.triggerId}`, by, bySlack: ctx.userId, byIsLead, personId: person.id, subprojectId, confirm }, ctx.now);
      if (r.kind === 'refused') return ctx.reply({ response_type: 'ephemeral', text: r.message });
      return ctx.reply({ response_type: 'ephemeral', text: `Offboarding ${deps.people.mention(person.id)} from \`${subprojectId}\`: the issue and the pull request are being opened.\n${r.effect.map((l) => `• ${l}`).join('\n')}` });
    }
    const subprojectIds = first ? [subprojectOrThrow(deps.config, first)] : deps.config.subprojects.map((s) => s.id);
    const reports = staffingReports(deps, { subprojectIds, now: ctx.now });
    await ctx.reply({ response_type: 'ephemeral', ...ownersMessage(reports, (id) => deps.people.mention(id)) });
  };
}
