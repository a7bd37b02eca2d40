import type { CoreConfig } from '../platform/config/core-schema.ts';
import type { OnCallService } from '../rota/api.ts';
import type { Contact } from './domain/directory.ts';
import type { DirectoryLookup } from './ports/directory-lookup.ts';

/**
 * The escalation directory over the rota (who is on call, asked through its api when a step
 * fires) and the config (owners, leads, everyone's timezone and working hours).
 */
export function rotaDirectory(config: Pick<CoreConfig, 'people' | 'subprojects' | 'leads'>, rota: () => OnCallService): DirectoryLookup {
  const people: Contact[] = config.people.map((p) => ({ id: p.id, slackId: p.slack, timezone: p.timezone, workingHours: p.workingHours }));
  return async (subprojectId, now) => {
    const onCall = await rota().onCall(subprojectId, now);
    return {
      onCall: {
        primary: (id) => (id === subprojectId ? onCall.primary : undefined),
        secondary: (id) => (id === subprojectId ? onCall.secondary : undefined),
        shadows: (id) => (id === subprojectId ? (onCall.shadows ?? []) : []),
      },
      owners: config.subprojects.find((s) => s.id === subprojectId)?.owners ?? [],
      leads: config.leads,
      people,
    };
  };
}
