import { defineJob } from '../../platform/jobs/define-job.ts';
import { refreshChangeMessage } from '../use-cases/refresh-change-message.ts';
import type { ChangeDeps } from '../use-cases/change-deps.ts';
import { changeIdPayload } from './payloads.ts';

/** After every change of state: the message in the channel shows the latest. */
export const refreshChangeMessageJob = defineJob('changes.refresh-message', changeIdPayload, (p, _ctx, deps: Pick<ChangeDeps, 'changes' | 'notifier' | 'directory'>) => refreshChangeMessage(deps, p.changeId));
