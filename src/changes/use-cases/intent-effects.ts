import { audit, cancel, deliverOnce, schedule, type Effect } from '../../platform/outbox/effects.ts';
import { stableId } from '../../platform/slack/stable-id.ts';
import type { Change } from '../domain/change.ts';
import type { Intent } from '../domain/intents.ts';
import { openWindowJob } from '../jobs/open-window.ts';
import { postChangeMessageJob } from '../jobs/post-change-message.ts';
import { reachDeadlineJob } from '../jobs/reach-deadline.ts';
import { readPullRequestJob } from '../jobs/read-pull-request.ts';
import { recordOnGithubJob } from '../jobs/record-on-github.ts';
import { refreshChangeMessageJob } from '../jobs/refresh-change-message.ts';
import { remindDeadlineJob } from '../jobs/remind-deadline.ts';
import { sayJob } from '../jobs/say.ts';
import { sendNoticeJob } from '../jobs/send-notice.ts';

/** A delivery key short enough for a job id, the same for the same key. */
function keyPart(key: string): string {
  return key.length <= 80 ? key : stableId('k', key, 24);
}

export const jobIds = {
  remind: (id: string, generation: number) => `change:${id}:remind:${generation}`,
  deadline: (id: string, generation: number) => `change:${id}:deadline:${generation}`,
  window: (id: string, at: Date) => `change:${id}:window:${at.getTime()}`,
};

/**
 * The outbox effects of a transition's intents, committed with the change: deliveries are
 * keyed per change (`deliverOnce`), timers are jobs with due times, and every change is audited.
 */
export function effectsOf(change: Change, intents: readonly Intent[], now: Date): Effect[] {
  const id = change.id;
  const effects: Effect[] = [];
  for (const intent of intents) {
    switch (intent.kind) {
      case 'post-message':
        effects.push(deliverOnce(`change:${id}:message`, postChangeMessageJob.request({ id: '', dueAt: now, payload: { changeId: id } })));
        break;
      case 'refresh':
        effects.push(schedule(refreshChangeMessageJob.request({ id: `change:${id}:refresh:${change.version}`, dueAt: now, payload: { changeId: id } })));
        break;
      case 'say':
        effects.push(deliverOnce(`change:${id}:say:${keyPart(intent.key)}`, sayJob.request({ id: '', dueAt: now, payload: { changeId: id, target: intent.target, say: intent.say } })));
        break;
      case 'github':
        effects.push(deliverOnce(`change:${id}:github:${keyPart(intent.key)}`, recordOnGithubJob.request({ id: '', dueAt: now, payload: { changeId: id, key: intent.key, action: intent.action } })));
        break;
      case 'analyse-pr':
        effects.push(schedule(readPullRequestJob.request({ id: `change:${id}:read-pr`, dueAt: now, payload: { changeId: id } })));
        break;
      case 'send-notice':
        effects.push(deliverOnce(`change:${id}:notice-mail`, sendNoticeJob.request({ id: '', dueAt: now, payload: { changeId: id } })));
        break;
      case 'timers':
        if (intent.generation > 1) effects.push(cancel(jobIds.remind(id, intent.generation - 1)), cancel(jobIds.deadline(id, intent.generation - 1)));
        if (intent.remindAt) effects.push(schedule(remindDeadlineJob.request({ id: jobIds.remind(id, intent.generation), dueAt: intent.remindAt, payload: { changeId: id, generation: intent.generation } })));
        effects.push(schedule(reachDeadlineJob.request({ id: jobIds.deadline(id, intent.generation), dueAt: intent.deadline, payload: { changeId: id, generation: intent.generation } })));
        break;
      case 'cancel-timers':
        if (intent.generation !== null) effects.push(cancel(jobIds.remind(id, intent.generation)), cancel(jobIds.deadline(id, intent.generation)));
        effects.push(cancel(jobIds.window(id, change.windowStart)));
        break;
      case 'window':
        effects.push(schedule(openWindowJob.request({ id: jobIds.window(id, intent.at), dueAt: intent.at, payload: { changeId: id } })));
        break;
      case 'audit':
        effects.push(audit({ at: now, actor: intent.actor, action: intent.action, subject: `change:${id}`, payload: intent.payload }));
        break;
    }
  }
  return effects;
}
