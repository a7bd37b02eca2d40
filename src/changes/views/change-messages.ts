import type { KnownBlock } from '@slack/types';
import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import type { Button } from '@slack/types';
import { actions, button, clip, context, header, messageBlocks, mrkdwn, plain, section } from '../../platform/slack/blocks.ts';
import { isFinished, type Change, type Review } from '../domain/change.ts';
import { slackDate, utc } from '../domain/format.ts';
import type { ChangeRules } from '../domain/rules.ts';
import { TIER_LABEL } from '../domain/tier.ts';
import { CHANGES_IDS } from '../ids.ts';
import { consensusText, reviewsText, stateText } from './change-status.ts';

/** A message the views build: Block Kit within Slack's limits, and its notification text. */
export interface ViewMessage {
  text: string;
  blocks: KnownBlock[];
}

const A = CHANGES_IDS.actions;
const B = CHANGES_IDS.blocks;

/** Names for ids, from the config. */
export interface ViewNames {
  serviceName(id: string): string;
  sigName(id: string): string;
}

/** A button whose click cannot be taken back asks first. */
function confirmed(b: Button, title: string, text: string, yes: string): Button {
  return { ...b, confirm: { title: plain(title, 100), text: mrkdwn(text, 300), confirm: plain(yes, 30), deny: plain('Cancel', 30) } };
}

const list = (items: readonly string[]) => (items.length ? items.map(escapeMrkdwn).join(', ') : '_none named_');

function prLink(change: Change): string {
  return change.pr ? `<${change.pr.url}|${escapeMrkdwn(change.pr.repo)}#${change.pr.number}>` : '_none_';
}

function windowText(change: Change): string {
  return `${slackDate(change.windowStart)} to ${slackDate(change.windowEnd)}`;
}

function headline(change: Change): string {
  return `${TIER_LABEL[change.tier]}-risk change: ${change.title.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

function facts(change: Change, rules: ChangeRules, names: ViewNames): string[] {
  return [
    `*Tier*\n${TIER_LABEL[change.tier]}: ${change.tierReasons.map(escapeMrkdwn).join('; ')}`,
    `*Window*\n${windowText(change)}`,
    `*Services*\n${list(change.services.map((s) => names.serviceName(s)))}`,
    `*SIGs*\n${list(change.sigs.map((s) => names.sigName(s)))}`,
    `*Pull request*\n${prLink(change)}`,
    `*Lazy consensus*\n${consensusText(change, rules)}`,
  ];
}

function body(change: Change): KnownBlock[] {
  return [
    section(`*What changes*\n${clip(escapeMrkdwn(change.description), 1400)}`),
    section(`*Rollback plan*\n${change.rollbackPlan ? clip(escapeMrkdwn(change.rollbackPlan), 1400) : '_none given_'}`),
  ];
}

function reviewButtons(change: Change): KnownBlock {
  return actions(B.reviewActions, [
    button({ text: 'Approve', actionId: A.approve, value: change.id, style: 'primary' }),
    button({ text: 'Object', actionId: A.object, value: change.id, style: 'danger' }),
  ]);
}

/** The change as posted in #wg-k8s-infra and kept up to date: facts, status, and what people can do. */
export function changeMessage(change: Change, reviews: readonly Review[], rules: ChangeRules, names: ViewNames): ViewMessage {
  const blocks: KnownBlock[] = [
    // The header holds no user text: plain_text is not escaped, and a title is the author's to write.
    header(`${TIER_LABEL[change.tier]}-risk change · ${change.id}`),
    section(`*${escapeInline(change.title)}*\n<@${change.author}> plans this change · *${escapeMrkdwn(stateText(change, reviews, rules))}*`, { fields: facts(change, rules, names) }),
    ...body(change),
    context(`Reviews: ${reviewsText(change, reviews, rules)}`),
  ];
  if (change.incidentFlags.length) blocks.push(context(...change.incidentFlags.map((f) => `:warning: ${f}`)));
  if (!isFinished(change.state)) {
    blocks.push(reviewButtons(change));
    blocks.push(
      actions(B.authorActions, [
        ...(change.lazy ? [button({ text: 'Record the kubernetes-dev@ link', actionId: A.recordNotice, value: change.id })] : []),
        ...(change.windowAnnouncedAt ? [button({ text: 'Done', actionId: A.done, value: change.id, style: 'primary' }), button({ text: 'Rolled back', actionId: A.rolledBack, value: change.id })] : []),
        confirmed(button({ text: 'Withdraw', actionId: A.withdraw, value: change.id }), 'Withdraw this change?', 'It is called off: its timers stop and its issue is closed as not planned.', 'Withdraw'),
      ]),
    );
  }
  return { text: `${escapeInline(headline(change))} (by <@${change.author}>)`, blocks: messageBlocks(blocks) };
}

/** A reviewer's DM: what to review, and the two buttons. */
export function reviewRequestMessage(change: Change, rules: ChangeRules, names: ViewNames): ViewMessage {
  const where = change.message?.permalink ? ` (<${change.message.permalink}|thread in #${escapeMrkdwn(rules.channel)}>)` : ` in #${escapeMrkdwn(rules.channel)}`;
  const blocks: KnownBlock[] = [
    section(`<@${change.author}> asks for your review of a *${TIER_LABEL[change.tier].toLowerCase()}-risk* change${where}: *${escapeInline(change.title)}*`, { fields: facts(change, rules, names) }),
    ...body(change),
    reviewButtons(change),
  ];
  return { text: `Review requested: ${escapeInline(change.title)}`, blocks: messageBlocks(blocks) };
}

/** Shared with an affected SIG's channel (medium and high). */
export function sharedMessage(change: Change, rules: ChangeRules, names: ViewNames): ViewMessage {
  const where = change.message?.permalink ? `<${change.message.permalink}|the thread in #${escapeMrkdwn(rules.channel)}>` : `#${escapeMrkdwn(rules.channel)}`;
  const blocks: KnownBlock[] = [
    section(`:mega: SIG K8s Infra plans a *${TIER_LABEL[change.tier].toLowerCase()}-risk* change that affects this SIG: *${escapeInline(change.title)}* (by <@${change.author}>). Questions and objections: ${where}.`, { fields: facts(change, rules, names) }),
    ...body(change),
    reviewButtons(change),
  ];
  return { text: `A ${change.tier}-risk change affects this SIG: ${escapeInline(change.title)}`, blocks: messageBlocks(blocks) };
}

/** The kubernetes-dev@ notice, ready to send, in the change's thread. */
export function noticeMessage(change: Change, notice: { to: string; subject: string; text: string }, mailto: string, relay: boolean): ViewMessage {
  const how = relay
    ? `The bot sends this to ${escapeMrkdwn(notice.to)} through its SMTP relay.`
    : `<@${change.author}>: send this to ${escapeMrkdwn(notice.to)} (the bot has no mailing-list account), then record the archive link.`;
  const blocks: KnownBlock[] = [
    section(`:email: *kubernetes-dev@ notice*. ${how}`),
    section(`*Subject:* ${escapeMrkdwn(notice.subject)}\n\`\`\`${clip(escapeMrkdwn(notice.text), 2700)}\`\`\``),
    actions(undefined, [
      ...(relay ? [] : [button({ text: 'Write the e-mail', actionId: A.sendNotice, url: mailto, value: change.id })]),
      button({ text: 'Record the archive link', actionId: A.recordNotice, value: change.id, style: 'primary' }),
    ]),
  ];
  return { text: `kubernetes-dev@ notice for ${escapeInline(change.title)}`, blocks };
}

/** The window opens: announced in #wg-k8s-infra and the SIGs' channels. */
export function windowMessage(change: Change, flags: readonly string[], names: ViewNames, withButtons: boolean): ViewMessage {
  const blocks: KnownBlock[] = [
    section(`:construction: *Change window open*: ${escapeInline(change.title)} (${TIER_LABEL[change.tier].toLowerCase()} risk), by <@${change.author}>, until ${slackDate(change.windowEnd)}.`, {
      fields: [`*Services*\n${list(change.services.map((s) => names.serviceName(s)))}`, `*Pull request*\n${prLink(change)}`],
    }),
    section(`*Rollback plan*\n${change.rollbackPlan ? clip(escapeMrkdwn(change.rollbackPlan), 1400) : '_none given_'}`),
    ...(flags.length ? [context(...flags.map((f) => `:warning: ${f}`))] : []),
    ...(withButtons
      ? [actions(B.authorActions, [button({ text: 'Done', actionId: A.done, value: change.id, style: 'primary' }), button({ text: 'Rolled back', actionId: A.rolledBack, value: change.id, style: 'danger' })])]
      : []),
  ];
  return { text: `Change window open: ${escapeInline(change.title)}${flags.length ? ` (${flags.length} warning${flags.length > 1 ? 's' : ''})` : ''}`, blocks };
}

/** After an objection at the deadline: the reviewers' two buttons. */
export function decideMessage(change: Change, text: string): ViewMessage {
  return {
    text: text.split('\n')[0] ?? text,
    blocks: [
      section(text),
      actions(undefined, [
        button({ text: 'Go ahead anyway', actionId: A.accept, value: change.id, style: 'primary' }),
        confirmed(button({ text: 'Reject the change', actionId: A.reject, value: change.id, style: 'danger' }), 'Reject this change?', 'The reviewers decide against it: it is closed as not planned.', 'Reject'),
      ]),
    ],
  };
}

export function noteMessage(text: string): ViewMessage {
  return { text: clip(text, 3000), blocks: [section(text)] };
}

/** `/k8s-infra change list`. */
export function changeList(changes: readonly { change: Change; reviews: readonly Review[] }[], rules: ChangeRules): ViewMessage {
  if (changes.length === 0) return { text: 'No open changes.', blocks: [section('No open changes. Announce one with `/k8s-infra change`.')] };
  const rows = changes.map(({ change, reviews }) => {
    const link = change.message?.permalink ? `<${change.message.permalink}|${escapeInline(change.title)}>` : `*${escapeInline(change.title)}*`;
    const deadline = change.lazy?.deadline ? ` · deadline ${slackDate(change.lazy.deadline)}` : '';
    return section(`\`${change.id}\` *${TIER_LABEL[change.tier]}* ${link}\n${escapeMrkdwn(stateText(change, reviews, rules))}${deadline} · window ${slackDate(change.windowStart)}`);
  });
  return { text: `${changes.length} open change${changes.length > 1 ? 's' : ''}`, blocks: messageBlocks([header(`Open changes (${changes.length})`), ...rows]) };
}

/** `/k8s-infra decisions [query]`: the decisions log, each entry with its links. */
export function decisionsList(changes: readonly Change[], query: string): ViewMessage {
  const q = query.trim();
  if (changes.length === 0) return { text: 'No decisions found.', blocks: [section(q ? `No decision matches “${escapeInline(q)}”.` : 'No decisions recorded yet.')] };
  const rows = changes.map((c) => {
    const links = [
      c.lazy?.issue ? `<${c.lazy.issue.url}|issue #${c.lazy.issue.number}>` : undefined,
      c.pr ? `<${c.pr.url}|PR #${c.pr.number}>` : undefined,
      c.lazy?.noticeUrl ? `<${c.lazy.noticeUrl}|kubernetes-dev@ thread>` : undefined,
      c.message?.permalink ? `<${c.message.permalink}|Slack thread>` : undefined,
    ].filter(Boolean);
    const how = c.state === 'rejected' ? 'rejected' : c.lazy ? (c.lazy.outcome === 'accepted' ? 'accepted after an objection' : 'lazy consensus') : 'reviewed';
    return section(`*${utc(c.decidedAt ?? c.createdAt).slice(4, 15)}* · *${TIER_LABEL[c.tier]}* · ${escapeInline(c.title)} · ${how}, ${escapeMrkdwn(c.state === 'cleared' ? 'cleared' : c.state)}\n${links.length ? links.join(' · ') : '_no links_'}`);
  });
  const title = [header('Decisions log'), ...(q ? [context(`Matching “${escapeInline(q)}”`)] : [])];
  return { text: `${changes.length} decision${changes.length > 1 ? 's' : ''}${q ? ` matching “${escapeInline(q)}”` : ''}`, blocks: messageBlocks([...title, ...rows]) };
}
