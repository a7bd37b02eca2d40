import type { EscalationDirectory } from './directory.ts';
import type { EscalationEffect, NotifyEffect, Transition } from './effects.ts';
import { notifiedInPass } from './page-state.ts';
import type { PageState, TimelineEntry } from './page-state.ts';

/**
 * A page for a subproject with nobody on call (an empty rotation) must not wait on a step that
 * reaches no one: the core already moves on to the next step; this adds the group's leads to the
 * first notification round, and says so on the timeline. Applied to `startPage`'s transition.
 */
export function notifyLeadsWhenNobodyOnCall(transition: Transition, directory: EscalationDirectory, now: Date): Transition {
  const { state } = transition;
  if (directory.onCall.primary(state.subprojectId, now) !== undefined) return transition;
  const at = now.toISOString();
  const step = Math.max(1, state.stepIndex + 1);
  const already = notifiedInPass(state, state.pass);
  const timeline: TimelineEntry[] = [
    ...state.timeline,
    { at, kind: 'note', text: `nobody is on call for ${state.subprojectId} (empty rotation): the page goes to the next step and to the group's leads`, step, pass: state.pass },
  ];
  const notifications = [...state.notifications];
  const effects: EscalationEffect[] = [...transition.effects];
  const byId = new Map(directory.people.map((p) => [p.id, p] as const));
  for (const lead of directory.leads) {
    const contact = byId.get(lead);
    if (!contact || already.has(lead)) continue;
    already.set(lead, step);
    const reason = `notified @${lead}: nobody on call for ${state.subprojectId}, leads are told`;
    notifications.push({ personId: lead, pass: state.pass, step, at });
    timeline.push({ at, kind: 'notified', text: reason, personId: lead, step, pass: state.pass });
    const notify: NotifyEffect = {
      kind: 'notify',
      key: `${state.id}:notify:${state.pass}:${step}:${lead}`,
      pageId: state.id,
      personId: lead,
      slackId: contact.slackId,
      pass: state.pass,
      step,
      severity: state.severity,
      summary: state.summary,
      reason,
      withinWorkingHours: false,
      version: state.version,
    };
    effects.push(notify);
  }
  const next: PageState = { ...state, notifications, timeline };
  return { state: next, effects };
}
