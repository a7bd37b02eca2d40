import type { KnownBlock, ModalView } from '@slack/types';
import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import { actions, button, context, input, modal, section, textInput } from '../../platform/slack/blocks.ts';
import { writeMetadata } from '../../platform/slack/private-metadata.ts';
import type { Nomination } from '../domain/nomination.ts';
import { OWNERS_IDS } from '../ids.ts';

const { actions: a, blocks: b } = OWNERS_IDS;

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

function utc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The nominator's form: the effect on the charter's rules first, then two of the PSC model's three statements. */
export function nominationModal(input_: { subprojectId: string; personId: string; mention: string; effect: readonly string[] }): ModalView {
  return modal({
    callbackId: OWNERS_IDS.callbacks.nominate,
    title: 'Nominate an owner',
    submit: 'File nomination',
    privateMetadata: writeMetadata({ s: input_.subprojectId, p: input_.personId }),
    blocks: [
      section(`Nominate ${input_.mention} as an owner of \`${input_.subprojectId}\`. After the change:\n${input_.effect.map((l) => `• ${escapeMrkdwn(l)}`).join('\n')}`),
      input({ blockId: b.credentials, label: 'Credentials: what they have done', element: textInput({ actionId: a.credentials, multiline: true, maxLength: 2000 }) }),
      input({ blockId: b.support, label: 'Your statement of support', element: textInput({ actionId: a.support, multiline: true, maxLength: 2000 }) }),
      context('The nominee writes their statement of intent themself, from a DM. The nomination is filed as an issue and decided by lazy consensus of the owners and leads.'),
    ],
  });
}

export function intentRequest(n: Pick<Nomination, 'id' | 'subprojectId'>, nominator: string): Message {
  return {
    text: `${nominator} nominated you as an owner of ${n.subprojectId}: please write your statement of intent.`,
    blocks: [
      section(`${nominator} nominated you as an owner of \`${n.subprojectId}\`. The charter (after the PSC model) asks for your statement of intent: what you will do as an owner, and the time you can give.`),
      actions(undefined, [button({ text: 'Write my statement of intent', actionId: a.writeIntent, value: `${n.id}|${n.subprojectId}`, style: 'primary' })]),
    ],
  };
}

export function intentModal(nominationId: string, subprojectId: string): ModalView {
  return modal({
    callbackId: OWNERS_IDS.callbacks.intent,
    title: 'Statement of intent',
    submit: 'Add to nomination',
    privateMetadata: writeMetadata({ n: nominationId }),
    blocks: [input({ blockId: b.intent, label: `As an owner of ${subprojectId}, I intend to…`, element: textInput({ actionId: a.intent, multiline: true, maxLength: 2000 }) })],
  });
}

/** In #wg-k8s-infra: the nomination, its effect, the deadline, and the owners' and leads' buttons. */
export function nominationMessage(n: Nomination, ctx: { mention: (id: string) => string; effect: readonly string[] }): Message {
  const deadline = n.deadlineAt ? utc(n.deadlineAt) : 'to be set';
  return {
    text: `Nomination: ${n.personId} as an owner of ${n.subprojectId}`,
    blocks: [
      section(
        `:ballot_box_with_ballot: *Nomination:* ${ctx.mention(n.personId)} as an owner of \`${n.subprojectId}\`, by ${ctx.mention(n.nominatorId)}` +
          `${n.issueUrl ? ` (<${n.issueUrl}|issue #${n.issueNumber}>)` : ''}\n${ctx.effect.map((l) => `• ${escapeMrkdwn(l)}`).join('\n')}`,
      ),
      section(`*Credentials:* ${escapeInline(n.statements.credentials)}\n*Support:* ${escapeInline(n.statements.support)}`),
      context(`Lazy consensus until ${deadline}: the owners of ${n.subprojectId} and the leads may Support or Object. With an objection it is decided by the votes cast.`),
      actions(b.vote, [
        button({ text: 'Support', actionId: a.voteSupport, value: n.id, style: 'primary' }),
        button({ text: 'Object', actionId: a.voteObject, value: n.id, style: 'danger' }),
      ]),
    ],
  };
}

/** The issue on kubernetes/k8s.io: the decision written down where it can be linked. */
export function nominationIssue(n: Nomination, ctx: { github: (id: string) => string; effect: readonly string[]; marker: string; checklist: readonly string[] }): { title: string; body: string } {
  return {
    title: `Nominate @${ctx.github(n.personId)} as an owner of ${n.subprojectId}`,
    body: [
      `@${ctx.github(n.nominatorId)} nominates @${ctx.github(n.personId)} as an owner of **${n.subprojectId}**, following the charter's vetting (the Product Security Committee's model).`,
      '',
      '### Effect on the charter rules',
      ...ctx.effect.map((l) => `- ${l}`),
      '',
      '### Credentials',
      n.statements.credentials,
      '',
      '### Statement of support',
      n.statements.support,
      '',
      '### Statement of intent',
      n.statements.intent ?? '_The nominee adds theirs from Slack; it is posted here as a comment._',
      '',
      `### Lazy consensus`,
      `The owners of ${n.subprojectId} and the group's leads vote Support or Object in Slack until ${n.deadlineAt ? utc(n.deadlineAt) : 'the deadline'} (working days, in each owner's timezone). Without an objection the nomination is accepted; with one, the votes cast decide.`,
      '',
      '### After acceptance',
      ...ctx.checklist.map((c) => `- [ ] ${c}`),
      '',
      `<!-- ${ctx.marker} -->`,
    ].join('\n'),
  };
}

export function offboardIssue(input_: { subprojectId: string; person: string; by: string; reason: string; effect: readonly string[]; marker: string; checklist: readonly string[] }): { title: string; body: string } {
  return {
    title: `Offboard @${input_.person} as an owner of ${input_.subprojectId}`,
    body: [
      `@${input_.by} offboards @${input_.person} as an owner of **${input_.subprojectId}**.`,
      '',
      '### Effect on the charter rules',
      ...input_.effect.map((l) => `- ${l}`),
      ...(input_.reason ? ['', '### Reason', input_.reason] : []),
      '',
      '### Steps',
      ...input_.checklist.map((c) => `- [ ] ${c}`),
      '',
      `<!-- ${input_.marker} -->`,
    ].join('\n'),
  };
}

/** Pull requests as Slack links, each named by its repository (`kubernetes/k8s.io#12`). */
export function pullRequestLinks(prs: readonly { repo: string; number: number; url: string }[]): string {
  return prs.map((p) => `<${p.url}|${p.repo ? `${p.repo}#${p.number}` : `Pull request #${p.number}`}>`).join(', ');
}
