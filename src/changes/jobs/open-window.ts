import { defineJob } from '../../platform/jobs/define-job.ts';
import { openChangeWindow, type OpenChangeWindowDeps } from '../use-cases/open-change-window.ts';
import { changeIdPayload } from './payloads.ts';

/** The planned start of the change's window. */
export const openWindowJob = defineJob('changes.window', changeIdPayload, (p, _ctx, deps: OpenChangeWindowDeps) => openChangeWindow(deps, p.changeId));
