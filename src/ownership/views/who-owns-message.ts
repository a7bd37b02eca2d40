import type { KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { context, section } from '../../platform/slack/blocks.ts';
import type { OwnerView, WhoOwnsResult } from '../use-cases/who-owns.ts';

const KIND = { service: 'Service', 'out-of-scope': 'Not run by SIG K8s Infra', domain: 'DNS name', project: 'GCP project', bucket: 'Bucket', cluster: 'GKE cluster', group: 'Google group', image: 'Image' } as const;

function ownerLines(label: string, o: OwnerView): string[] {
  const lines = [`*${label}:* ${escapeInline(o.title)}${o.channel ? ` · #${escapeInline(o.channel)}` : ''}`];
  const oncall = o.oncall.map((x) => `${x.who} (${x.role})`);
  if (o.usergroup) oncall.push(`@${escapeInline(o.usergroup)}`);
  if (oncall.length) lines.push(`*On call now:* ${oncall.join(', ')}`);
  if (o.fallback) lines.push(o.fallback);
  if (o.note) lines.push(`_${escapeInline(o.note)}_`);
  return lines;
}

/** The ephemeral answer to `who-owns`: owner, channel, on-call now, and how it was found; all names escaped. */
export function whoOwnsMessage(result: WhoOwnsResult): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  let text: string;
  if (result.kind === 'found') {
    const { ownership, owner, runBy } = result;
    text = `${ownership.thing}: ${owner.title}`;
    const lines = [`${KIND[ownership.kind]} \`${escapeInline(ownership.thing)}\``, ...ownerLines('Owner', owner), ...(runBy ? ownerLines('Runs on', runBy) : [])];
    blocks.push(section(lines.join('\n')));
    blocks.push(context(ownership.facts.map((f) => escapeInline(f)).join(' · ')));
  } else {
    text = `Nothing known as ${result.input}`;
    const did = result.suggestions.length ? ` Did you mean ${result.suggestions.map((s) => `\`${escapeInline(s)}\``).join(', ')}?` : '';
    blocks.push(section(`I don't know who owns \`${escapeInline(result.input)}\`.${did}\nI know services and their aliases, DNS names, GCP projects, buckets (\`gs://…\`), clusters, Google groups and image paths (\`registry.k8s.io/…\`).`));
  }
  if (result.problems.length) blocks.push(context(`:warning: ${result.problems.map((p) => escapeInline(p)).join(' · ')}`));
  return { text: escapeInline(text), blocks };
}
