import { chooseContacts } from './choose-contacts.ts';
import type { EscalationDirectory, Severity } from './directory.ts';
import type { EscalationEffect, NotifyEffect, PagerEffect, Transition } from './effects.ts';
import { MAX_PAGE_ID_LENGTH } from './pager-types.ts';
import type { ExternalPagerEvent, PagerAction, PagerAlert } from './pager-types.ts';
import { notifiedInPass } from './page-state.ts';
import type { ActorSource, PageState, TimelineEntry } from './page-state.ts';
import type { EscalationPolicy } from './policy-schema.ts';

/*
 * The escalation state machine. Every function is pure: it takes the page as read from the store
 * and returns the next page plus effects for the runner to carry out after it commits. How the
 * runner makes an acknowledgement win over a step that is firing at the same moment:
 *
 *  1. Each transition returns a state whose `version` is one more than the input's. The runner
 *     writes it with `UPDATE pages SET ... WHERE id = ? AND version = <input version>` and inserts
 *     the effects (outbox rows, job rows) in the same transaction. If no row was updated someone
 *     else won: reload and call the function again. So an ack and a step never both apply to the
 *     same version; if the ack commits first, the re-run fireStep sees `acknowledged` and returns
 *     no effects.
 *  2. Notifications go through the outbox. Right before sending each one, the deliverer re-reads
 *     the page and commits its decision (the row marked "sending") in a short transaction, sends
 *     with nothing held, and records the DM after: it sends only if `shouldDeliver(page, effect)`,
 *     so an ack that landed after the step committed cancels the not-yet-sent notifications, and
 *     one that lands while a DM is in flight has that DM shown acknowledged as soon as it is recorded.
 *  3. Step jobs carry `stepSeq`; `fireStep(..., { stepSeq })` is a no-op when the page has moved
 *     on (acknowledged, resolved, or escalateNow already fired the step), so the runner need not
 *     find and delete old jobs to stay correct (`cancel-next-step` is only tidiness).
 */

export interface StartPageInput {
  /** Our page id; also the pager's dedup key, so at most 255 characters. */
  id: string;
  subprojectId: string;
  severity: Severity;
  summary: string;
  details?: string;
  createdBy: string;
  policy: EscalationPolicy;
  /** False when the subproject has no pager integration: no pager effects at all. Default true. */
  usePager?: boolean;
}

export interface FireResult extends Transition {
  /** Set when nothing happened, e.g. "page is acknowledged" or "stale step job". */
  noop?: string;
}

/** The person may not do this (the domain's policy said no): nothing changed. */
export interface NotAllowed {
  kind: 'not-allowed';
  message: string;
  state: PageState;
  effects: [];
}

export type AcknowledgeResult =
  | (Transition & { kind: 'acknowledged' })
  | { kind: 'already-acknowledged'; alreadyAcknowledgedBy: string; at: string; message: string; state: PageState; effects: [] }
  | { kind: 'refused'; message: string; state: PageState; effects: [] }
  | NotAllowed;

export type ResolveResult =
  | (Transition & { kind: 'resolved' })
  | { kind: 'already-resolved'; resolvedBy: string; at: string; message: string; state: PageState; effects: [] }
  | NotAllowed;

export type EscalateResult =
  | (Transition & { kind: 'escalated' })
  /** The page moved on since the person saw it (their click, delivered again, or a step that fired). */
  | { kind: 'already-escalated'; step: number; pass: number; message: string; state: PageState; effects: [] }
  | { kind: 'refused'; message: string; state: PageState; effects: [] }
  | NotAllowed;

export function notAllowed(state: PageState, message: string): NotAllowed {
  return { kind: 'not-allowed', message, state, effects: [] };
}

export interface ActorOptions {
  /** Where the action came from (default slack). From the pager itself: not echoed back, permission not checked. */
  via?: ActorSource;
}

function iso(d: Date): string {
  return d.toISOString();
}

function entry(now: Date, kind: TimelineEntry['kind'], text: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { at: iso(now), kind, text, ...extra };
}

function alertOf(state: PageState): PagerAlert {
  return {
    pageId: state.id,
    subprojectId: state.subprojectId,
    severity: state.severity,
    summary: state.summary,
    details: state.details,
    createdAt: state.createdAt,
    createdBy: state.createdBy,
  };
}

export function pagerEffect(state: PageState, action: PagerAction, attempt = 1, dueAt?: Date): PagerEffect {
  return {
    kind: 'pager',
    key: `${state.id}:pager:${action}:${attempt}`,
    action,
    attempt,
    ...(dueAt ? { dueAt: iso(dueAt) } : {}),
    alert: alertOf(state),
  };
}

/**
 * Whether the pager may know the page's alert: its trigger was accepted, or is being sent (an
 * answer lost on the way may still have opened it). Ack/resolve are worth telling the pager only
 * then, and an acknowledgement or resolution *from* the pager for any other page is not believed.
 */
export function pagerKnowsAlert(state: Pick<PageState, 'pager'>): boolean {
  return state.pager.trigger === 'ok' || state.pager.trigger === 'pending' || state.pager.trigger === 'retrying';
}

/**
 * Whether a pager call (first try or retry) still makes sense for the page as it is now: a trigger
 * only while triggered, an acknowledge only while acknowledged (a resolve supersedes it), a resolve
 * once resolved; ack/resolve only if the trigger may have reached the pager.
 */
export function pagerActionWanted(state: PageState, action: PagerAction): boolean {
  if (action === 'trigger') return state.status === 'triggered' && state.pager.trigger !== 'skipped';
  if (!pagerKnowsAlert(state)) return false;
  return action === 'acknowledge' ? state.status === 'acknowledged' : state.status === 'resolved';
}

/** Opens a page and fires its first step at once. */
export function startPage(input: StartPageInput, now: Date, directory: EscalationDirectory): Transition {
  if (input.id.length === 0 || input.id.length > MAX_PAGE_ID_LENGTH) {
    throw new RangeError(`page id must be 1..${MAX_PAGE_ID_LENGTH} characters (it is the pager's dedup key)`);
  }
  const usePager = input.usePager ?? true;
  const created: PageState = {
    id: input.id,
    subprojectId: input.subprojectId,
    severity: input.severity,
    summary: input.summary,
    details: input.details ?? '',
    createdBy: input.createdBy,
    createdAt: iso(now),
    policy: input.policy,
    status: 'triggered',
    stepIndex: -1,
    pass: 1,
    stepSeq: 0,
    version: 0,
    notifications: [],
    pager: { trigger: usePager ? 'pending' : 'skipped', acknowledge: 'not-sent', resolve: 'not-sent' },
    timeline: [
      entry(now, 'triggered', `page triggered by @${input.createdBy} for ${input.subprojectId} (severity ${input.severity}, policy ${input.policy.id}): ${input.summary}`),
    ],
  };
  const fired = runSteps(created, now, directory, 1);
  const effects: EscalationEffect[] = usePager ? [pagerEffect(fired.state, 'trigger'), ...fired.effects] : fired.effects;
  return { state: fired.state, effects };
}

/** Runs the next step when its job comes due. No-op unless the page is still triggered and the job current. */
export function fireStep(state: PageState, now: Date, directory: EscalationDirectory, job?: { stepSeq: number }): FireResult {
  if (state.status !== 'triggered') return { state, effects: [], noop: `page is ${state.status}` };
  if (state.exhaustedAt !== undefined) return { state, effects: [], noop: 'escalation policy already exhausted' };
  if (job && job.stepSeq !== state.stepSeq) return { state, effects: [], noop: `stale step job (stepSeq ${job.stepSeq}, page at ${state.stepSeq})` };
  return runSteps(state, now, directory, state.version + 1);
}

/** The step the page is at, as people read it ("step 2", "step 1, pass 2"). */
export function stepLabel(state: Pick<PageState, 'stepIndex' | 'pass' | 'policy'>): string {
  const step = Math.max(1, state.stepIndex + 1);
  return state.policy.repeat > 0 ? `step ${step}, pass ${state.pass}` : `step ${step}`;
}

/**
 * Runs the next step now instead of waiting out the current step's delay. `seenStepSeq` is the
 * step the person saw on the message they clicked (its button carries it): when the page has moved
 * on since (the same click delivered again, a double click, a step that fired meanwhile), nothing
 * changes and the answer says where the page is, so one click is at most one step.
 */
export function escalateNow(state: PageState, now: Date, directory: EscalationDirectory, by: string, seenStepSeq?: number): EscalateResult {
  if (state.status === 'resolved') return { kind: 'refused', message: `page ${state.id} is already resolved`, state, effects: [] };
  if (state.status === 'acknowledged') {
    return { kind: 'refused', message: `page ${state.id} is already acknowledged by ${actorName(state.acknowledgedBy, state.acknowledgedVia)}`, state, effects: [] };
  }
  if (seenStepSeq !== undefined && seenStepSeq !== state.stepSeq) {
    const step = Math.max(1, state.stepIndex + 1);
    return { kind: 'already-escalated', step, pass: state.pass, message: `already escalated to ${stepLabel(state)}`, state, effects: [] };
  }
  if (state.exhaustedAt !== undefined) {
    return { kind: 'refused', message: `the escalation policy of page ${state.id} is exhausted: nobody left to escalate to`, state, effects: [] };
  }
  const marked: PageState = { ...state, timeline: [...state.timeline, entry(now, 'escalated', `@${by} escalated to the next step now`, { personId: by })] };
  const fired = runSteps(marked, now, directory, state.version + 1);
  return { kind: 'escalated', ...fired };
}

/** Idempotent: a second acknowledgement changes nothing and says who was first. */
export function acknowledge(state: PageState, by: string, now: Date, options: ActorOptions = {}): AcknowledgeResult {
  if (state.status === 'resolved') {
    return {
      kind: 'refused',
      message: `page ${state.id} is already resolved (by ${actorName(state.resolvedBy, state.resolvedVia)} at ${state.resolvedAt}); nothing to acknowledge`,
      state,
      effects: [],
    };
  }
  if (state.status === 'acknowledged') {
    const who = state.acknowledgedBy ?? 'unknown';
    const at = state.acknowledgedAt ?? '';
    return { kind: 'already-acknowledged', alreadyAcknowledgedBy: who, at, message: `already acknowledged by ${actorName(who, state.acknowledgedVia)} at ${at}`, state, effects: [] };
  }
  const fromPager = options.via === 'pagerduty';
  const next: PageState = {
    ...state,
    status: 'acknowledged',
    acknowledgedBy: by,
    acknowledgedAt: iso(now),
    acknowledgedVia: options.via ?? 'slack',
    nextStepDueAt: undefined,
    version: state.version + 1,
    timeline: [...state.timeline, entry(now, 'acknowledged', fromPager ? `acknowledged in PagerDuty by ${by}` : `acknowledged by @${by}`, fromPager ? {} : { personId: by })],
  };
  const effects: EscalationEffect[] = [{ kind: 'cancel-next-step', pageId: state.id }];
  if (!fromPager && pagerKnowsAlert(next)) {
    next.pager = { ...next.pager, acknowledge: 'pending' };
    effects.push(pagerEffect(next, 'acknowledge'));
  }
  return { kind: 'acknowledged', state: next, effects };
}

/**
 * Resolves a page, triggered or acknowledged. Who may is not asked here: the use cases ask the
 * policy (page-permissions.ts) for people, and the pager and other capabilities act on their own authority.
 */
export function resolve(state: PageState, by: string, now: Date, options: ActorOptions = {}): ResolveResult {
  if (state.status === 'resolved') {
    const who = state.resolvedBy ?? 'unknown';
    const at = state.resolvedAt ?? '';
    return { kind: 'already-resolved', resolvedBy: who, at, message: `already resolved by ${actorName(who, state.resolvedVia)} at ${at}`, state, effects: [] };
  }
  const fromPager = options.via === 'pagerduty';
  const next: PageState = {
    ...state,
    status: 'resolved',
    resolvedBy: by,
    resolvedAt: iso(now),
    resolvedVia: options.via ?? 'slack',
    nextStepDueAt: undefined,
    version: state.version + 1,
    timeline: [...state.timeline, entry(now, 'resolved', fromPager ? `resolved in PagerDuty by ${by}` : `resolved by @${by}`, fromPager ? {} : { personId: by })],
  };
  const effects: EscalationEffect[] = [{ kind: 'cancel-next-step', pageId: state.id }];
  if (!fromPager && pagerKnowsAlert(next)) {
    next.pager = { ...next.pager, resolve: 'pending' };
    effects.push(pagerEffect(next, 'resolve'));
  }
  return { kind: 'resolved', state: next, effects };
}

export type ExternalEventResult =
  | { kind: 'applied'; result: AcknowledgeResult | ResolveResult }
  | { kind: 'ignored'; reason: string };

/**
 * Applies an acknowledge/resolve made in the pager (verified webhook). `state` undefined means no
 * page has that id: the webhook handler answers 2xx "ignored" so the pager does not retry.
 */
export function applyExternalPagerEvent(state: PageState | undefined, event: ExternalPagerEvent, now: Date): ExternalEventResult {
  if (!state) return { kind: 'ignored', reason: `no page with id ${event.pageId}` };
  const result =
    event.action === 'acknowledge'
      ? acknowledge(state, event.by, now, { via: 'pagerduty' })
      : resolve(state, event.by, now, { via: 'pagerduty' });
  return { kind: 'applied', result };
}

function actorName(id: string | undefined, via: ActorSource | undefined): string {
  if (id === undefined) return 'someone';
  // Pager display names ("Jane Doe") are not person ids; do not prefix them with @.
  return via === 'pagerduty' ? `${id} (in PagerDuty)` : `@${id}`;
}

function describeNext(state: PageState, pass: number, index: number): string {
  const steps = state.policy.steps.length;
  if (index + 1 < steps) return `going on to step ${index + 2}`;
  if (pass < state.policy.repeat + 1) return `going on to pass ${pass + 1}, step 1`;
  return 'no steps left';
}

/**
 * Fires steps from the one after `stepIndex` until one notifies somebody (then schedules the next
 * after its delay) or the policy runs out. Steps that name nobody new cost no waiting.
 */
function runSteps(start: PageState, now: Date, directory: EscalationDirectory, version: number): Transition {
  const { policy } = start;
  const totalPasses = policy.repeat + 1;
  const timeline = [...start.timeline];
  const notifications = [...start.notifications];
  const effects: EscalationEffect[] = [];
  let pass = start.pass;
  let index = start.stepIndex;

  // Each round advances one step; bounded so a policy of empty steps ends in exhaustion.
  for (let round = 0; round <= policy.steps.length * totalPasses; round++) {
    index += 1;
    if (index >= policy.steps.length) {
      if (pass >= totalPasses) {
        const nobody = notifications.length === 0;
        timeline.push(
          entry(
            now,
            'policy-exhausted',
            nobody
              ? `escalation policy ${policy.id} exhausted: it named nobody who could be notified`
              : `escalation policy ${policy.id} exhausted after ${totalPasses} pass${totalPasses === 1 ? '' : 'es'}: nobody acknowledged`,
          ),
        );
        effects.push({ kind: 'policy-exhausted', pageId: start.id, passes: totalPasses, reason: nobody ? 'nobody-to-notify' : 'nobody-acknowledged' });
        const state: PageState = {
          ...start,
          pass,
          stepIndex: policy.steps.length - 1,
          exhaustedAt: iso(now),
          nextStepDueAt: undefined,
          version,
          notifications,
          timeline,
        };
        return { state, effects };
      }
      pass += 1;
      index = 0;
      timeline.push(entry(now, 'pass-started', `pass ${pass} of ${totalPasses}: starting again at step 1, everyone is notified again`, { pass }));
    }

    const step = policy.steps[index]!;
    const stepNumber = index + 1;
    const inPass = notifiedInPass({ ...start, notifications }, pass);
    const choice = chooseContacts({
      step,
      stepNumber,
      subprojectId: start.subprojectId,
      severity: start.severity,
      now,
      directory,
      alreadyNotified: inPass,
    });
    const at = { step: stepNumber, pass };
    for (const note of choice.notes) timeline.push(entry(now, 'note', `step ${stepNumber}: ${note}`, at));
    for (const d of choice.decisions) {
      const kind = d.action === 'notify' ? 'notified' : d.action === 'skip' ? 'skipped' : 'not-renotified';
      timeline.push(entry(now, kind, d.reason, { ...at, personId: d.contact.id }));
    }

    if (choice.notify.length === 0) {
      const why =
        choice.decisions.length > 0
          ? `everyone at this step (${choice.decisions.map((d) => `@${d.contact.id}`).join(', ')}) was already notified on this pass`
          : `nobody on call for ${start.subprojectId}`;
      timeline.push(entry(now, 'step-empty', `step ${stepNumber}: ${why}, ${describeNext(start, pass, index)}`, at));
      continue;
    }

    const stepSeq = start.stepSeq + 1;
    const dueAt = new Date(now.getTime() + step.delayMinutes * 60_000);
    for (const d of choice.notify) {
      notifications.push({ personId: d.contact.id, pass, step: stepNumber, at: iso(now) });
      const notify: NotifyEffect = {
        kind: 'notify',
        key: `${start.id}:notify:${pass}:${stepNumber}:${d.contact.id}`,
        pageId: start.id,
        personId: d.contact.id,
        slackId: d.contact.slackId,
        pass,
        step: stepNumber,
        severity: start.severity,
        summary: start.summary,
        reason: d.reason,
        withinWorkingHours: d.withinWorkingHours,
        version,
      };
      effects.push(notify);
    }
    const last = index + 1 >= policy.steps.length && pass >= totalPasses;
    timeline.push(
      entry(
        now,
        'note',
        `step ${stepNumber}: ${last ? 'policy exhausted' : 'next step'} at ${iso(dueAt)} (${step.delayMinutes} min) unless acknowledged`,
        at,
      ),
    );
    effects.push({ kind: 'schedule-next-step', key: `${start.id}:step:${stepSeq}`, pageId: start.id, dueAt: iso(dueAt), stepSeq });
    const state: PageState = {
      ...start,
      pass,
      stepIndex: index,
      stepSeq,
      version,
      nextStepDueAt: iso(dueAt),
      notifications,
      timeline,
    };
    return { state, effects };
  }
  // Unreachable: the loop exhausts the policy before running out of rounds.
  throw new Error('escalation loop did not terminate');
}
