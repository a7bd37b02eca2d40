import { isWithinWorkingHours, localTimeOf } from '../../core/working-hours.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { HANDOFF_LOOKAHEAD_MS } from '../domain/handoff-announcer.ts';
import { onCallAt } from '../domain/on-call-at.ts';
import type { RotaModel } from '../rota-model.ts';
import type { OnCallEntryView, OnCallPersonView } from '../views/rota-oncall.ts';

export interface WhoIsOnCallDeps {
  model: Pick<RotaModel, 'subproject' | 'layerRotations' | 'layers' | 'shadowsAt'>;
  people: Pick<PeopleDirectory, 'person' | 'mention'>;
}

/**
 * `/k8s-infra oncall`: for each subproject, who is on call now (with their wall clock and whether
 * they are within working hours), the secondary, who shadows them and until when, and the next
 * handoff.
 */
export async function whoIsOnCall(deps: WhoIsOnCallDeps, query: { subprojectIds: readonly string[]; now: Date }): Promise<OnCallEntryView[]> {
  const { now } = query;
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
  for (const id of query.subprojectIds) {
    const name = deps.model.subproject(id)?.name ?? id;
    if (deps.model.layerRotations(id).length === 0) {
      entries.push({ subprojectId: id, name, noRotation: true });
      continue;
    }
    const layers = await deps.model.layers(id, now, new Date(now.getTime() + HANDOFF_LOOKAHEAD_MS));
    const onCall = onCallAt(layers, now);
    const next = layers.nextHandoff(now, HANDOFF_LOOKAHEAD_MS);
    const shadows = await deps.model.shadowsAt(id, now, [onCall.primary, onCall.secondary]);
    entries.push({
      subprojectId: id,
      name,
      ...(onCall.primary ? { primary: person(onCall.primary) } : {}),
      ...(onCall.secondary ? { secondary: deps.people.mention(onCall.secondary) } : {}),
      ...(shadows.length > 0 ? { shadows: shadows.map((x) => ({ mention: deps.people.mention(x.personId), until: x.until })) } : {}),
      ...(next ? { nextAt: next.at, ...(next.to ? { next: deps.people.mention(next.to) } : {}) } : {}),
    });
  }
  return entries;
}
