import type { KnownBlock } from '@slack/types';
import type { SubcommandInfo } from './command-catalog.ts';

export interface EphemeralReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

export function helpReply(subcommands: readonly SubcommandInfo[], available: ReadonlySet<string>): EphemeralReply {
  const lines = subcommands.map(
    (s) => `• \`${s.usage}\` — ${s.summary}${available.has(s.name) ? '' : ' _(not yet available)_'}\n    e.g. \`${s.example}\``,
  );
  return {
    response_type: 'ephemeral',
    text: `k8s-infra-bot: ${subcommands.map((s) => s.name).join(', ')}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: '/k8s-infra — what I can do' } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Answers only you can see are marked _Only visible to you_. Problems with prow.k8s.io go to SIG Testing in #sig-testing.' }] },
    ],
  };
}

export function unknownSubcommandReply(typed: string, suggestion: string | undefined, subcommands: readonly SubcommandInfo[]): EphemeralReply {
  const hint = suggestion ? `Did you mean \`/k8s-infra ${suggestion}\`?` : 'Try `/k8s-infra help`.';
  const list = subcommands.map((s) => `\`${s.name}\``).join(', ');
  return {
    response_type: 'ephemeral',
    text: `I don't know \`${typed}\`. ${hint}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:thinking_face: I don't know \`${typed}\`. ${hint}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Subcommands: ${list}` }] },
    ],
  };
}

export function errorReply(message: string): EphemeralReply {
  return { response_type: 'ephemeral', text: `:warning: ${message}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${message}` } }] };
}

export function notYetAvailableReply(name: string): EphemeralReply {
  return { response_type: 'ephemeral', text: `\`/k8s-infra ${name}\` is not yet available in this version of the bot.` };
}
