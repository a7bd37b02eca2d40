import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { isFinished, type Change } from './change.ts';
import { utc } from './format.ts';
import { sigChannels } from './announce.ts';
import { closingComment, commentKey } from './github-text.ts';
import { audited, note, refused, type Intent, type Step } from './intents.ts';
import { who } from './people-text.ts';
import type { ChangeRules } from './rules.ts';

/** An open incident as the window sees it. */
export interface IncidentOnService {
  title: string;
  severity: string;
  services: readonly string[];
}

/** Open incidents on any of the change's services, as warnings. */
export function incidentFlags(change: Pick<Change, 'services'>, incidents: readonly IncidentOnService[]): string[] {
  return incidents
    .filter((i) => i.services.some((s) => change.services.includes(s)))
    .map((i) => `open ${escapeMrkdwn(i.severity)} incident on ${i.services.filter((s) => change.services.includes(s)).map(escapeMrkdwn).join(', ')}: ${escapeMrkdwn(i.title)}`);
}

/**
 * The window starts: the change is announced in the group's channel and its SIGs' channels, with
 * a warning when it is not cleared or when one of its services has an open incident.
 */
export function openWindow(change: Change, incidents: readonly IncidentOnService[], now: Date, rules: ChangeRules): Step {
  if (isFinished(change.state)) return refused('finished', true);
  if (change.windowAnnouncedAt) return refused('already announced', true);
  const flags = incidentFlags(change, incidents);
  if (change.state !== 'cleared') flags.unshift('not cleared yet: do not start until it is');
  const after: Change = { ...change, windowAnnouncedAt: now, incidentFlags: flags };
  const intents: Intent[] = [
    { kind: 'refresh' },
    { kind: 'say', key: 'window', target: { to: 'channel', channel: rules.channel }, say: { kind: 'window', flags } },
    audited('change.window_opened', 'system', { flags }),
  ];
  for (const channel of sigChannels(change, rules)) intents.push({ kind: 'say', key: `window:${channel}`, target: { to: 'channel', channel }, say: { kind: 'window', flags } });
  return { ok: true, change: after, intents };
}

function closeOut(change: Change, key: string, text: string): Intent[] {
  const intents: Intent[] = [{ kind: 'cancel-timers', generation: change.lazy?.generation ?? null }];
  if (change.lazy?.issue) intents.push({ kind: 'github', key, action: { kind: 'close-issue', body: closingComment(commentKey(change.id, key), text) } });
  return intents;
}

/** The author (or a lead) says how it went: done, or rolled back. Policy checked by the caller. */
export function finish(change: Change, outcome: 'done' | 'rolled-back', by: string, now: Date): Step {
  if (isFinished(change.state)) return refused(`This change is already ${change.state === 'rolled-back' ? 'rolled back' : change.state}.`, change.state === outcome);
  const early = change.state !== 'cleared' ? ' (before it was cleared)' : '';
  const after: Change = { ...change, state: outcome, finishedAt: now, finishedBy: by, decisionNote: early ? `marked ${outcome} before it was cleared` : change.decisionNote };
  const text = outcome === 'done' ? `:white_check_mark: ${who(by)} marked the change *done*${early}.` : `:rewind: ${who(by)} *rolled back* the change${early}.`;
  return {
    ok: true,
    change: after,
    intents: [
      { kind: 'refresh' },
      note('finished', text),
      ...closeOut(change, 'finished', outcome === 'done' ? `Done: the change was made in its window (${utc(now)}).` : `Rolled back (${utc(now)}).`),
      audited(`change.${outcome === 'done' ? 'done' : 'rolled_back'}`, by, { cleared: !early }),
    ],
  };
}

export function withdraw(change: Change, by: string, now: Date): Step {
  if (isFinished(change.state)) return refused(`This change is already ${change.state === 'rolled-back' ? 'rolled back' : change.state}.`, change.state === 'withdrawn');
  const after: Change = { ...change, state: 'withdrawn', finishedAt: now, finishedBy: by };
  return {
    ok: true,
    change: after,
    intents: [{ kind: 'refresh' }, note('withdrawn', `:wastebasket: ${who(by)} withdrew the change.`), ...closeOut(change, 'withdrawn', 'The change was withdrawn. Closing.'), audited('change.withdrawn', by, {})],
  };
}

/** Its issue was closed on GitHub by someone else: the record says the change is off. */
export function issueClosedOnGithub(change: Change, login: string, now: Date): Step {
  if (isFinished(change.state)) return refused('finished', true);
  const after: Change = { ...change, state: 'withdrawn', finishedAt: now, finishedBy: `github:${login}` };
  return {
    ok: true,
    change: after,
    intents: [
      { kind: 'refresh' },
      note('issue-closed', `:wastebasket: The lazy-consensus issue was closed on GitHub by @${escapeMrkdwn(login)}: the change is withdrawn.`),
      { kind: 'cancel-timers', generation: change.lazy?.generation ?? null },
      audited('change.withdrawn', `github:${login}`, { via: 'issue closed' }),
    ],
  };
}

/** Its pull request was merged or closed: said in the thread (merged before it was cleared is flagged). */
export function prClosed(change: Change, merged: boolean, login: string): Step {
  if (isFinished(change.state)) return refused('finished', true);
  const early = merged && change.state !== 'cleared';
  const text = merged
    ? `${early ? ':rotating_light:' : ':merged:'} The pull request was merged by @${escapeMrkdwn(login)}${early ? ' *before the change was cleared*' : ''}.`
    : `The pull request was closed without merging by @${escapeMrkdwn(login)}.`;
  return { ok: true, change, intents: [note(merged ? 'pr-merged' : 'pr-closed', text), audited(merged ? 'change.pr_merged' : 'change.pr_closed', `github:${login}`, { early })] };
}

/** Someone else's `/hold` or `/hold cancel` on the PR: the bot never cancels a hold it did not place. */
export function holdByOthers(change: Change, login: string, cancelled: boolean): Step {
  if (isFinished(change.state)) return refused('finished', true);
  if (cancelled) {
    if (change.hold.cancelled && !change.hold.heldByOthers) return refused('already cancelled', true);
    return {
      ok: true,
      change: { ...change, hold: { ...change.hold, cancelled: change.hold.placed ? true : change.hold.cancelled, heldByOthers: false } },
      intents: [note(`hold-cancel-by:${login}`, `@${escapeMrkdwn(login)} cancelled the hold on the pull request.`), audited('change.hold_cancelled_by_others', `github:${login}`, {})],
    };
  }
  if (change.hold.heldByOthers) return refused('already held', true);
  return {
    ok: true,
    change: { ...change, hold: { ...change.hold, heldByOthers: true } },
    intents: [note(`hold-by:${login}`, `@${escapeMrkdwn(login)} put a \`/hold\` on the pull request: the bot will not cancel it.`), audited('change.held_by_others', `github:${login}`, {})],
  };
}
