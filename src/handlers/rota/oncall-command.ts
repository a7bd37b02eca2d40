import type { OnCallDeps } from '../../platform/app-deps.ts';
import { isWithinWorkingHours, localTimeOf } from '../../core/working-hours.ts';
import { HANDOFF_LOOKAHEAD_MS } from '../../rota/domain/handoff-announcer.ts';
import { onCallMessage, type OnCallEntryView, type OnCallPersonView } from '../../rota/views/rota-oncall.ts';
import type { CommandContext } from '../../platform/commands/command-router.ts';
import { subprojectOrThrow, userZone } from './rota-common.ts';
import type { RotaModel } from '../../rota/rota-model.ts';

/** `/k8s-infra oncall [subproject]`: who is on call now and next, with the handoff time in the reader's zone. */
export function oncallCommand(deps: OnCallDeps, model: RotaModel) {
  return async (ctx: CommandContext): Promise<void> => {
    const ids = ctx.args[0] ? [subprojectOrThrow(deps, ctx.args[0])] : deps.config.subprojects.map((s) => s.id);
    const zone = await userZone(ctx.client, deps, ctx.userId);
    const now = ctx.now;
    const person = (id: string): OnCallPersonView => {
      const p = deps.people.person(id);
      const tz = p?.timezone ?? 'UTC';
      return {
        mention: deps.people.mention(id),
        localTime: localTimeOf(now, tz).clock,
        zone: tz,
        withinWorkingHours: p ? isWithinWorkingHours(p.workingHours, tz, now) : false,
      };
    };
    const entries: OnCallEntryView[] = [];
    for (const id of ids) {
      const sub = model.subproject(id)!;
      if (model.layerRotations(id).length === 0) {
        entries.push({ subprojectId: id, name: sub.name, noRotation: true });
        continue;
      }
      const onCall = await deps.onCall.onCall(id, now);
      const layers = await model.layers(id, now, new Date(now.getTime() + HANDOFF_LOOKAHEAD_MS));
      const next = layers.nextHandoff(now, HANDOFF_LOOKAHEAD_MS);
      entries.push({
        subprojectId: id,
        name: sub.name,
        ...(onCall.primary ? { primary: person(onCall.primary) } : {}),
        ...(onCall.secondary ? { secondary: deps.people.mention(onCall.secondary) } : {}),
        ...(next ? { nextAt: next.at, ...(next.to ? { next: deps.people.mention(next.to) } : {}) } : {}),
      });
    }
    await ctx.reply({ response_type: 'ephemeral', ...onCallMessage(entries, zone) });
  };
}
