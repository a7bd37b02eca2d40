import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { noticeRecorded, openObjections, type Change, type Review } from './change.ts';
import type { Deadline } from './deadline.ts';
import { slackDate, utc } from './format.ts';
import { blockedComment, commentKey, consensusReachedComment, holdCancelComment, holdComment, noticeLinkComment, noticeSentComment, restartedComment } from './github-text.ts';
import { audited, note, refused, type Intent, type Step } from './intents.ts';
import { who } from './people-text.ts';
import { missingReviews, reviewProgress, reviewsComplete } from './review-policy.ts';
import type { ChangeRules } from './rules.ts';

function remindAt(deadline: Date, rules: ChangeRules, now: Date): Date | null {
  const at = new Date(deadline.getTime() - rules.reminderHoursBefore * 3600_000);
  return at.getTime() > now.getTime() ? at : null;
}

/**
 * The lazy-consensus issue is open: the count starts now. The PR gets the bot's `/hold`, the
 * kubernetes-dev@ notice goes out (through the relay, or as text for the author to send), and
 * the reminder and the deadline are scheduled.
 */
export function issueOpened(change: Change, issue: { number: number; url: string }, deadline: Deadline, now: Date, rules: ChangeRules, relay: boolean): Step {
  if (!change.lazy) return refused('no lazy consensus', true);
  if (change.lazy.issue) return refused('issue already recorded', true);
  const generation = change.lazy.generation + 1;
  const after: Change = { ...change, lazy: { ...change.lazy, issue, startedAt: deadline.start, deadline: deadline.at, deadlineNotes: deadline.notes, generation, outcome: 'pending', outcomeAt: null } };
  const intents: Intent[] = [
    { kind: 'refresh' },
    note('issue-opened', `Lazy-consensus issue opened: <${issue.url}|${escapeMrkdwn(rules.repo)}#${issue.number}>. Deadline: *${slackDate(deadline.at)}* (${utc(deadline.at)}).\n${deadline.notes.map((n) => `• ${escapeMrkdwn(n)}`).join('\n')}`),
    { kind: 'say', key: 'notice', target: { to: 'thread' }, say: { kind: 'notice' } },
    { kind: 'timers', generation, remindAt: remindAt(deadline.at, rules, now), deadline: deadline.at },
    audited('change.issue_opened', 'system', { number: issue.number, url: issue.url, deadline: deadline.at.toISOString() }),
  ];
  if (relay) intents.push({ kind: 'send-notice' });
  if (change.pr && change.state === 'open') intents.push({ kind: 'github', key: 'hold', action: { kind: 'comment-pr', body: holdComment(commentKey(change.id, 'hold'), issue.url, deadline.at), hold: 'place' } });
  return { ok: true, change: after, intents };
}

export function holdPlaced(change: Change): Step {
  if (change.hold.placed) return refused('already placed', true);
  return { ok: true, change: { ...change, hold: { ...change.hold, placed: true } }, intents: [audited('change.hold_placed', 'system', { pr: change.pr?.url ?? null })] };
}

export function holdCancelled(change: Change): Step {
  if (change.hold.cancelled) return refused('already cancelled', true);
  return { ok: true, change: { ...change, hold: { ...change.hold, cancelled: true } }, intents: [audited('change.hold_cancelled', 'system', { pr: change.pr?.url ?? null })] };
}

export function noticeSent(change: Change, now: Date, rules: ChangeRules): Step {
  if (!change.lazy || change.lazy.noticeSentAt) return refused('already sent', true);
  const after: Change = { ...change, lazy: { ...change.lazy, noticeSentAt: now } };
  return {
    ok: true,
    change: after,
    intents: [
      { kind: 'refresh' },
      note('notice-sent', `:email: The kubernetes-dev@ notice was sent to ${escapeMrkdwn(rules.notice.to)} through the SMTP relay. Paste its archive link once the list shows it.`),
      { kind: 'github', key: 'notice-sent', action: { kind: 'comment-issue', body: noticeSentComment(commentKey(change.id, 'notice-sent'), rules.notice.to, now) } },
      audited('change.notice_sent', 'system', { to: rules.notice.to }),
    ],
  };
}

/** Whether `url` is a link into the list's archive. */
export function checkNoticeUrl(url: string, rules: Pick<ChangeRules, 'notice'>): string | undefined {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return `That is not a link. Paste the thread's address from ${rules.notice.archive}`;
  }
  if (parsed.protocol !== 'https:' || !trimmed.startsWith(rules.notice.archive) || trimmed.length > 500 || /[\s<>|`]/.test(trimmed)) {
    return `Paste a link to the thread in the ${rules.notice.to} archive: it starts with ${rules.notice.archive}`;
  }
  return undefined;
}

/**
 * The author pasted the notice's archive link; the issue records it. A count that stopped at the
 * deadline for want of a notice starts again from now (`restart`): the list gets its full days.
 */
export function noticeLinked(change: Change, url: string, by: string, now: Date, rules: ChangeRules, restart: () => Deadline): Step {
  if (!change.lazy) return refused(`A ${change.tier}-risk change needs no kubernetes-dev@ notice.`);
  const problem = checkNoticeUrl(url, rules);
  if (problem) return refused(problem);
  const link = url.trim();
  if (change.lazy.noticeUrl === link) return refused('That link is already on record.', true);
  const key = `notice-link:${change.lazy.noticeUrl ? 'again:' : ''}${link}`;
  let lazy = { ...change.lazy, noticeUrl: link };
  const intents: Intent[] = [
    { kind: 'refresh' },
    note(key, `:link: <@${by}> recorded the kubernetes-dev@ thread: <${link}|archive>.`),
    audited('change.notice_linked', by, { url: link }),
  ];
  if (lazy.issue) intents.push({ kind: 'github', key, action: { kind: 'comment-issue', body: noticeLinkComment(commentKey(change.id, key), link) } });
  if (lazy.outcome === 'waiting-for-notice' && change.state === 'open') {
    const deadline = restart();
    const generation = lazy.generation + 1;
    lazy = { ...lazy, startedAt: now, deadline: deadline.at, deadlineNotes: deadline.notes, generation, outcome: 'pending', outcomeAt: null };
    intents.push(
      { kind: 'timers', generation, remindAt: remindAt(deadline.at, rules, now), deadline: deadline.at },
      note(`restart:${generation}`, `Lazy consensus is counted again from now: the new deadline is *${slackDate(deadline.at)}* (${utc(deadline.at)}).`),
    );
    if (lazy.issue) intents.push({ kind: 'github', key: `restart:${generation}`, action: { kind: 'comment-issue', body: restartedComment(commentKey(change.id, `restart:${generation}`), deadline.at) } });
  }
  return { ok: true, change: { ...change, lazy }, intents };
}

/** A day before the deadline: say where it stands, and ask for the notice if it is missing. */
export function reminderDue(change: Change, reviews: readonly Review[], generation: number): Step {
  const lazy = change.lazy;
  if (!lazy?.deadline || lazy.generation !== generation || lazy.outcome !== 'pending' || change.state !== 'open') return refused('nothing to remind', true);
  const objections = openObjections(reviews);
  const status = objections.length ? `${objections.length} open objection${objections.length > 1 ? 's' : ''} (${objections.map((o) => who(o.reviewer)).join(', ')})` : 'no objection so far';
  const missingNotice = noticeRecorded(lazy) ? '' : ` The kubernetes-dev@ notice is not on record: <@${change.author}>, send it and paste its archive link, or lazy consensus cannot be assumed.`;
  const text = `:hourglass_flowing_sand: Lazy consensus closes ${slackDate(lazy.deadline)}: ${status}.${missingNotice}`;
  return {
    ok: true,
    change,
    intents: [note(`remind:${generation}`, text), note(`remind-author:${generation}`, text, { to: 'dm', user: change.author })],
  };
}

/**
 * The deadline: with no objection and the notice on record, lazy consensus is reached (said on
 * the issue and the PR); with an objection, the decision waits for the reviewers; without the
 * notice, nothing is assumed until it is recorded.
 */
export function deadlineReached(change: Change, reviews: readonly Review[], generation: number, now: Date, rules: ChangeRules, describeOnGithub: (r: Review) => string): Step {
  const lazy = change.lazy;
  if (!lazy?.deadline || lazy.generation !== generation || lazy.outcome !== 'pending' || change.state !== 'open') return refused('nothing to decide', true);
  if (!noticeRecorded(lazy)) {
    const after: Change = { ...change, lazy: { ...lazy, outcome: 'waiting-for-notice', outcomeAt: now } };
    const text = `:warning: The lazy-consensus deadline passed, but no kubernetes-dev@ notice is on record, so consensus is not assumed. <@${change.author}>: send the notice and paste its archive link; the count starts again from then.`;
    return {
      ok: true,
      change: after,
      intents: [{ kind: 'refresh' }, note(`no-notice:${generation}`, text), note(`no-notice-author:${generation}`, text, { to: 'dm', user: change.author }), audited('change.consensus_waiting_for_notice', 'system')],
    };
  }
  const objections = openObjections(reviews);
  if (objections.length) {
    const after: Change = { ...change, lazy: { ...lazy, outcome: 'blocked', outcomeAt: now } };
    const list = objections.map((o) => `${who(o.reviewer)}: ${escapeMrkdwn(o.reason)}`).join('\n• ');
    const intents: Intent[] = [
      { kind: 'refresh' },
      { kind: 'say', key: `blocked:${generation}`, target: { to: 'thread' }, say: { kind: 'decide', text: `:no_entry: Lazy consensus *not* reached: the deadline passed with ${objections.length > 1 ? 'objections' : 'an objection'} open.\n• ${list}\nThe decision waits for the reviewers.` } },
      audited('change.consensus_blocked', 'system', { objections: objections.map((o) => o.reviewer) }),
    ];
    if (lazy.issue) intents.push({ kind: 'github', key: `blocked:${generation}`, action: { kind: 'comment-issue', body: blockedComment(commentKey(change.id, `blocked:${generation}`), objections, describeOnGithub) } });
    return { ok: true, change: after, intents };
  }
  return consensus({ ...change, lazy: { ...lazy, outcome: 'reached', outcomeAt: now } }, reviews, now, rules, `reached:${generation}`);
}

/** Lazy consensus holds (at the deadline, or when the last objection was withdrawn after it). */
export function consensus(change: Change, reviews: readonly Review[], now: Date, rules: ChangeRules, key: string): Step {
  const lazy = change.lazy!;
  const missing = missingReviews(reviewProgress(change, reviews, rules));
  const body = consensusReachedComment(commentKey(change.id, key), lazy.deadline ?? now, missing);
  const intents: Intent[] = [
    { kind: 'refresh' },
    note(key, `:white_check_mark: Lazy consensus reached: no objection by the deadline.${missing.length ? ` Still waiting for reviews: ${missing.map(escapeMrkdwn).join(', ')}.` : ''}`),
    audited('change.consensus_reached', 'system', { deadline: lazy.deadline?.toISOString() ?? null }),
  ];
  if (lazy.issue) intents.push({ kind: 'github', key, action: { kind: 'comment-issue', body } });
  const settled = settle(change, reviews, now, rules);
  // One PR comment: "reached", with `/hold cancel` in it when the change is cleared by it.
  const cancelling = settled.ok && settled.intents.some((i) => i.kind === 'github' && i.action.kind === 'comment-pr');
  if (change.pr && !cancelling) intents.push({ kind: 'github', key: `${key}:pr`, action: { kind: 'comment-pr', body: consensusReachedComment(commentKey(change.id, `${key}:pr`), lazy.deadline ?? now, missing) } });
  if (!settled.ok) return { ok: true, change, intents };
  return { ok: true, change: settled.change, intents: [...intents, ...settled.intents] };
}

/**
 * Clears the change when everything the charter asks for is in: the reviews, no open objection,
 * and lazy consensus where needed. The bot's own `/hold` is cancelled then, and only then; a hold
 * someone else placed is left alone.
 */
export function settle(change: Change, reviews: readonly Review[], now: Date, rules: ChangeRules): Step {
  if (change.state !== 'open') return refused('not open', true);
  if (!reviewsComplete(reviewProgress(change, reviews, rules))) return refused('reviews missing', true);
  if (openObjections(reviews).length && change.lazy?.outcome !== 'accepted') return refused('objection open', true);
  if (change.lazy && change.lazy.outcome !== 'reached' && change.lazy.outcome !== 'accepted') return refused('no consensus yet', true);
  const after: Change = { ...change, state: 'cleared', decidedAt: now, decidedBy: change.decidedBy ?? 'system' };
  const how = change.lazy ? (change.lazy.outcome === 'accepted' ? 'the reviewers accepted it after the objection' : 'lazy consensus reached and the reviews are in') : 'the reviews are in';
  const intents: Intent[] = [
    { kind: 'refresh' },
    note('cleared', `:large_green_circle: *Cleared*: ${how}. The window starts ${slackDate(change.windowStart)}.`),
    audited('change.cleared', 'system', { how }),
  ];
  if (change.pr && change.hold.placed && !change.hold.cancelled) {
    if (change.hold.heldByOthers) intents.push(note('hold-kept', ':raised_hand: The pull request also carries a `/hold` someone else placed: the bot leaves it for them to cancel.'));
    else intents.push({ kind: 'github', key: 'hold-cancel', action: { kind: 'comment-pr', body: holdCancelComment(commentKey(change.id, 'hold-cancel'), `Lazy consensus reached (deadline ${utc(change.lazy?.deadline ?? now)}) and the reviews the charter asks for are in.`), hold: 'cancel' } });
  }
  return { ok: true, change: after, intents };
}
