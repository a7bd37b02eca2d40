import type { Datepicker, KnownBlock, MultiStaticSelect, PlainTextInput, RadioButtons, Timepicker } from '@slack/types';
import { z } from 'zod';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { context, input, modal, option, plain, section, staticSelect, textInput } from '../../platform/slack/blocks.ts';
import { writeMetadata } from '../../platform/slack/private-metadata.ts';
import { QUESTIONS, TIER_DEFINITION, TIER_LABEL, TIERS, tiersFrom, type Question, type Tier } from '../domain/tier.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../ids.ts';

const A = CHANGES_IDS.actions;

/** The form's private_metadata: where it was opened, the author's zone, and what the PR's files said. */
export const announceMetadata = z.object({
  c: z.string(),
  z: z.string(),
  /** The PR link the preview was made for, and the tier its files suggest. */
  pr: z.string().optional(),
  pt: z.enum(TIERS).optional(),
  /** The preview, as shown (mrkdwn, already escaped). */
  pv: z.string().optional(),
});
export type AnnounceMetadata = z.infer<typeof announceMetadata>;

export const WINDOW_LENGTHS = [
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 120, label: '2 hours' },
  { minutes: 240, label: '4 hours' },
  { minutes: 480, label: '8 hours' },
  { minutes: 1440, label: '24 hours' },
] as const;

/** Each question's block and action id (the same string: inline errors name the block). */
export const QUESTION_BLOCK: Record<Question['id'], string> = { workflows: B.workflows, rollback: B.rollbackEase, reach: B.reach };

export interface AnnounceForm {
  metadata: AnnounceMetadata;
  services: readonly { id: string; name: string }[];
  sigs: readonly { id: string; name: string }[];
  /** The floor from the answers (and the PR), once all three are answered. */
  answersTier: Tier | undefined;
  floor: Tier | undefined;
  /** The PR link to show in the field the first time (from `/k8s-infra change <url>`). */
  prUrl?: string | undefined;
  /** A line about reading the PR, when one is being read. */
  prStatus?: string | undefined;
}

function radio(q: Question): RadioButtons {
  return { type: 'radio_buttons', action_id: QUESTION_BLOCK[q.id], options: q.answers.map((a) => option(a.label, a.value)) };
}

/** The tier choice's block: its id carries the floor, so a higher floor resets an old, lower choice. */
export function tierBlockId(floor: Tier | undefined): string {
  return `${CHANGES_IDS.blocks.tierPrefix}${floor ?? 'low'}`;
}

/** `/k8s-infra change`: what changes, where, when, the PR, and the charter's three questions. */
export function announceModal(form: AnnounceForm): ReturnType<typeof modal> {
  const services: MultiStaticSelect = { type: 'multi_static_select', action_id: A.services, options: form.services.map((s) => option(s.name, s.id)), placeholder: plain('Pick the services it touches', 150) };
  const sigs: MultiStaticSelect = { type: 'multi_static_select', action_id: A.sigs, options: form.sigs.map((s) => option(s.name, s.id)), placeholder: plain('The services’ SIGs are added', 150) };
  const date: Datepicker = { type: 'datepicker', action_id: A.windowDate };
  const time: Timepicker = { type: 'timepicker', action_id: A.windowTime, timezone: form.metadata.z };
  const pr: PlainTextInput = {
    ...textInput({ actionId: A.pr, maxLength: 300, placeholder: 'https://github.com/kubernetes/k8s.io/pull/1234', ...(form.prUrl ? { initial: form.prUrl } : {}) }),
    dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
  };
  const floor = form.floor;
  const tierPreview = form.answersTier
    ? `*Tier: ${TIER_LABEL[floor ?? form.answersTier]}* — ${TIER_DEFINITION[floor ?? form.answersTier]}.${form.metadata.pt && floor === form.metadata.pt && form.metadata.pt !== form.answersTier ? ' Raised by the pull request’s files.' : ''} You may raise it below, never lower it.`
    : 'Answer the three questions to see the tier.';
  const blocks: KnownBlock[] = [
    input({ blockId: B.title, label: 'Title', element: textInput({ actionId: A.title, maxLength: 150, placeholder: 'Move the k8s.io redirector to the new cluster' }) }),
    input({ blockId: B.description, label: 'What changes', element: textInput({ actionId: A.description, multiline: true, maxLength: 3000 }) }),
    input({ blockId: B.services, label: 'Services affected', element: services, optional: true }),
    input({ blockId: B.sigs, label: 'SIGs affected', element: sigs, optional: true }),
    input({ blockId: B.rollback, label: 'Rollback plan', element: textInput({ actionId: A.rollback, multiline: true, maxLength: 3000 }), optional: true, hint: 'Required for medium and high risk: how you would undo it.' }),
    input({ blockId: B.windowDate, label: `Window starts: date (${form.metadata.z})`, element: date }),
    input({ blockId: B.windowTime, label: `Window starts: time (${form.metadata.z})`, element: time }),
    input({
      blockId: B.windowLength,
      label: 'Window length',
      element: staticSelect({ actionId: A.windowLength, options: WINDOW_LENGTHS.map((w) => option(w.label, String(w.minutes))), initial: option('1 hour', '60') }),
    }),
    input({ blockId: B.pr, label: 'Pull request (optional)', element: pr, optional: true, dispatchAction: true, hint: 'Press Enter to read its files: the tier and reviewers follow from them.' }),
  ];
  if (form.prStatus || form.metadata.pv) blocks.push(section(form.prStatus ?? form.metadata.pv ?? '', { blockId: CHANGES_IDS.blocks.prPreview }));
  for (const q of QUESTIONS) blocks.push(input({ blockId: QUESTION_BLOCK[q.id], label: q.label, element: radio(q), dispatchAction: true }));
  blocks.push(section(tierPreview, { blockId: CHANGES_IDS.blocks.tierPreview }));
  const choices = tiersFrom(floor ?? 'low');
  blocks.push(
    input({
      blockId: tierBlockId(floor),
      label: 'Tier (raise it if you think it is riskier)',
      element: staticSelect({ actionId: A.tier, options: choices.map((t) => option(TIER_LABEL[t], t)), initial: option(TIER_LABEL[choices[0]!], choices[0]!) }),
      optional: true,
    }),
    context('Low: a review by another member of the group or an affected SIG. Medium: shared with the affected SIGs, lazy consensus on a GitHub issue and a kubernetes-dev@ notice. High: also SIG Contributor Experience’s and each owning SIG’s review.'),
  );
  return modal({ callbackId: CHANGES_IDS.callbacks.announce, title: 'Announce a change', submit: 'Announce', blocks, privateMetadata: writeMetadata(form.metadata) });
}

/** A line of preview about the PR, escaped (its file names and rule names are third-party text). */
export function prPreviewText(p: { url: string; fileCount: number; pathTier: Tier; rules: string[]; approvers: string[] } | { url: string; error: string }): string {
  if ('error' in p) return `:warning: ${escapeMrkdwn(p.error)}`;
  const rules = p.rules.length ? `path rules: ${p.rules.map(escapeMrkdwn).join(', ')}` : 'no path rule matched';
  const who = p.approvers.length ? ` Reviewers from OWNERS: ${p.approvers.slice(0, 10).map(escapeMrkdwn).join(', ')}${p.approvers.length > 10 ? ', …' : ''}.` : '';
  return `:mag: ${p.fileCount} changed file${p.fileCount === 1 ? '' : 's'}: suggested tier *${TIER_LABEL[p.pathTier]}* (${rules}).${who}`;
}

export const objectMetadata = z.object({ id: z.string(), c: z.string().optional() });
export const noticeMetadata = z.object({ id: z.string(), c: z.string().optional() });

/** Object: the reason is required (it goes on the issue, and the reviewers weigh it). */
export function objectModal(changeId: string, title: string, channel: string | undefined): ReturnType<typeof modal> {
  return modal({
    callbackId: CHANGES_IDS.callbacks.object,
    title: 'Object to a change',
    submit: 'Object',
    privateMetadata: writeMetadata({ id: changeId, ...(channel ? { c: channel } : {}) }),
    blocks: [
      section(`Your objection to *${escapeMrkdwn(title.replace(/\s*[\r\n]+\s*/g, ' '))}* holds it until you withdraw it (by approving) or the reviewers decide. It is posted in the thread and on the issue.`),
      input({ blockId: B.reason, label: 'Why do you object?', element: textInput({ actionId: A.reason, multiline: true, maxLength: 2000, minLength: 10 }) }),
    ],
  });
}

export function noticeLinkModal(changeId: string, archive: string, channel: string | undefined): ReturnType<typeof modal> {
  return modal({
    callbackId: CHANGES_IDS.callbacks.notice,
    title: 'kubernetes-dev@ thread',
    submit: 'Record',
    privateMetadata: writeMetadata({ id: changeId, ...(channel ? { c: channel } : {}) }),
    blocks: [input({ blockId: B.noticeUrl, label: 'Link to the thread in the archive', element: textInput({ actionId: A.noticeUrl, maxLength: 500, placeholder: `${archive}c/…` }) })],
  });
}
