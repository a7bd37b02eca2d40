import type { JobScheduler } from '../../platform/jobs/define-job.ts';
import { HANDOFF_LOOKAHEAD_MS } from '../domain/handoff-announcer.ts';
import type { HandoffRequest } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';

export interface ScheduleHandoffsDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layers'>;
  jobs: Pick<JobScheduler, 'enqueue'>;
  handoffAt: HandoffRequest;
}

/**
 * Schedules the next handoff of every subproject with a rotation (each handoff job then schedules
 * the one after). Run at every start by every replica: the job ids make it one row each. Returns
 * how many rows were new.
 */
export async function scheduleHandoffs(deps: ScheduleHandoffsDeps, now: Date): Promise<number> {
  let created = 0;
  for (const subproject of deps.model.rotaSubprojects()) {
    const layers = await deps.model.layers(subproject.id, now, new Date(now.getTime() + HANDOFF_LOOKAHEAD_MS));
    const next = layers.nextHandoff(now, HANDOFF_LOOKAHEAD_MS);
    if (next && (await deps.jobs.enqueue(deps.handoffAt(subproject.id, next.at)))) created++;
  }
  return created;
}
