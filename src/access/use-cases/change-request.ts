import type { AccessRequest } from '../domain/access-request.ts';
import type { Transition } from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';

/**
 * Load, compute, compare-and-set: recomputes when another click or replica changed the request
 * first. Undefined when the request does not exist. A transition that changes nothing is not
 * written (a job handler that returns is completed by the runner).
 */
export async function changeRequest(
  requests: AccessRequests,
  id: string,
  compute: (request: AccessRequest) => Transition | Promise<Transition>,
  options: { job?: JobContext } = {},
): Promise<Transition | undefined> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await requests.get(id);
    if (!current) return undefined;
    const t = await compute(current);
    if (!t.changed) return t;
    if (await requests.save(current, t, options)) return t;
  }
  throw new Error(`access request ${id} keeps changing under us`);
}
