import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { onCallAt } from '../domain/on-call-at.ts';
import type { RotaModel } from '../rota-model.ts';
import { communityOncallKey, type CommunityOncallEntry } from '../views/community-oncall-json.ts';

export interface CommunityOncallDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layers' | 'layerRotations'>;
  people: Pick<PeopleDirectory, 'person'>;
}

/**
 * `GET /oncall.json`: who is on call now for every subproject with a rotation, by GitHub handle
 * (the community's tools key people by GitHub login), with overrides and swaps applied. A
 * subproject whose rotations name a secondary gets a second entry for it.
 */
export async function communityOncall(deps: CommunityOncallDeps, now: Date): Promise<CommunityOncallEntry[]> {
  const entries: CommunityOncallEntry[] = [];
  const github = (personId: string | undefined) => (personId ? deps.people.person(personId)?.github : undefined);
  for (const subproject of deps.model.rotaSubprojects()) {
    const onCall = onCallAt(await deps.model.layers(subproject.id, now, new Date(now.getTime() + 1)), now);
    const primary = github(onCall.primary);
    entries.push({ key: communityOncallKey(subproject.id, 'primary'), ...(primary ? { github: primary } : {}) });
    if (deps.model.layerRotations(subproject.id).some((r) => r.secondary !== undefined)) {
      const secondary = github(onCall.secondary);
      entries.push({ key: communityOncallKey(subproject.id, 'secondary'), ...(secondary ? { github: secondary } : {}) });
    }
  }
  return entries;
}
