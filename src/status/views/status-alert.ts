import type { KnownBlock } from '@slack/types';
import { context, section } from '../../platform/slack/blocks.ts';
import { formatDuration, formatUtc } from '../domain/format-duration.ts';
import { escapeInline, escapeMrkdwn } from '../../core/mrkdwn.ts';
import { clipText, STATE_EMOJI } from '../domain/status-text.ts';
import type { StateTransition } from '../domain/track-service-state.ts';

export interface AlertService {
  id: string;
  name: string;
  sigs: readonly string[];
}

const HEADLINE: Record<StateTransition['kind'], string> = { problem: 'Problem', change: 'Changed', recovery: 'Recovered' };

/** The one message a confirmed state change posts to #k8s-infra-alerts. */
export function statusAlertMessage(t: StateTransition, service: AlertService, statusPageUrl?: string): { text: string; blocks: KnownBlock[] } {
  const from = t.from ?? 'not checked';
  const heldFor = formatDuration(t.at.getTime() - t.since.getTime());
  // The probe's detail is third-party text (an HTTP error body, a DNS answer, a Google message).
  const text = `${STATE_EMOJI[t.to]} ${HEADLINE[t.kind]}: ${escapeInline(service.name)} is ${t.to} (was ${from}) · ${escapeInline(clipText(t.detail, 300))}`;
  const footer = [`since ${formatUtc(t.since)} (held ${heldFor})`, `owned by ${escapeMrkdwn(service.sigs.join(', '))}`, `\`/k8s-infra status ${service.id}\``];
  if (statusPageUrl) footer.push(`<${statusPageUrl}|status page>`);
  return {
    text,
    blocks: [
      section(`${STATE_EMOJI[t.to]} *${HEADLINE[t.kind]}: ${escapeMrkdwn(service.name)} is ${t.to}* (was ${from})\n${escapeMrkdwn(clipText(t.detail, 1000))}`),
      context(footer.join(' · ')),
    ],
  };
}
