import { defineJob } from '../../platform/jobs/define-job.ts';
import { sendNotice, type SendNoticeDeps } from '../use-cases/send-notice.ts';
import { changeIdPayload } from './payloads.ts';

/** The kubernetes-dev@ notice through the SMTP relay, when one is configured. */
export const sendNoticeJob = defineJob('changes.send-notice', changeIdPayload, (p, _ctx, deps: SendNoticeDeps) => sendNotice(deps, p.changeId));
