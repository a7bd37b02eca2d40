import type { KnownBlock, View } from '@slack/types';
import { actions, section } from '../../platform/slack/blocks.ts';
import { ROTA_IDS } from '../ids.ts';
import { formatWhen } from './rota-format.ts';

export const SWAP_BLOCKS = { person: ROTA_IDS.blocks.swapPerson, mine: ROTA_IDS.blocks.swapMine, theirs: ROTA_IDS.blocks.swapTheirs } as const;

export interface SwapShiftOption {
  /** `<rotationId>|<shift start ISO>`. */
  value: string;
  rotationName: string;
  start: Date;
  end: Date;
  /** Display name of the holder (their shifts list). */
  holder?: string;
}

export function swapOptionValue(rotationId: string, start: Date): string {
  return `${rotationId}|${start.toISOString()}`;
}

export function parseSwapOptionValue(value: string | undefined): { rotationId: string; start: Date } | undefined {
  const [rotationId, iso] = (value ?? '').split('|');
  const start = new Date(iso ?? '');
  return rotationId && !Number.isNaN(start.getTime()) ? { rotationId, start } : undefined;
}

function option(o: SwapShiftOption, zone: string) {
  const label = `${o.rotationName}: ${formatWhen(o.start, zone)}${o.holder ? ` (${o.holder})` : ''}`;
  return { text: { type: 'plain_text' as const, text: label.slice(0, 75) }, value: o.value };
}

/** Propose a swap: your upcoming shift for one of theirs. Static selects of upcoming shifts (at most 100 each). */
export function swapModal(input: { mine: readonly SwapShiftOption[]; theirs: readonly SwapShiftOption[]; zone: string }): View {
  return {
    type: 'modal',
    callback_id: ROTA_IDS.callbacks.swap,
    title: { type: 'plain_text', text: 'Swap shifts' },
    submit: { type: 'plain_text', text: 'Propose swap' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `You give up your shift and take theirs; they get a DM to accept or decline. Times in your timezone (${input.zone}).` } },
      { type: 'input', block_id: SWAP_BLOCKS.person, label: { type: 'plain_text', text: 'Swap with' }, element: { type: 'users_select', action_id: ROTA_IDS.actions.swapPerson } },
      {
        type: 'input',
        block_id: SWAP_BLOCKS.mine,
        label: { type: 'plain_text', text: 'Your shift' },
        element: { type: 'static_select', action_id: ROTA_IDS.actions.swapMine, options: input.mine.slice(0, 100).map((o) => option(o, input.zone)) },
      },
      {
        type: 'input',
        block_id: SWAP_BLOCKS.theirs,
        label: { type: 'plain_text', text: 'Their shift' },
        element: { type: 'static_select', action_id: ROTA_IDS.actions.swapTheirs, options: input.theirs.slice(0, 100).map((o) => option(o, input.zone)) },
      },
    ],
  };
}

export interface SwapProposalView {
  swapId: string;
  requester: string;
  rotationName: string;
  /** The shift the DM's reader gives up, and the one they get. */
  theyGiveUp: Date;
  theyGet: Date;
  zone: string;
}

/** DM to the other person, with Accept / Decline. */
export function swapProposalMessage(p: SwapProposalView): { text: string; blocks: KnownBlock[] } {
  const text = `${p.requester} proposes a swap on ${p.rotationName}: you take their shift from ${formatWhen(p.theyGet, p.zone)} and they take yours from ${formatWhen(p.theyGiveUp, p.zone)}.`;
  return {
    text,
    blocks: [
      section(text),
      // Buttons by hand: the builder's `emoji: true` would change messages already in people's DMs.
      actions(undefined, [
        { type: 'button', action_id: ROTA_IDS.actions.swapAccept, style: 'primary', text: { type: 'plain_text', text: 'Accept' }, value: p.swapId },
        { type: 'button', action_id: ROTA_IDS.actions.swapDecline, text: { type: 'plain_text', text: 'Decline' }, value: p.swapId },
      ]),
    ],
  };
}

/** Replaces the proposal once decided (no buttons left to click). */
export function swapDecidedMessage(p: Omit<SwapProposalView, 'swapId'> & { decision: 'accepted' | 'declined'; decidedBy: string }): { text: string; blocks: KnownBlock[] } {
  const verb = p.decision === 'accepted' ? ':white_check_mark: Swap agreed' : ':x: Swap declined';
  const text = `${verb} by ${p.decidedBy} on ${p.rotationName}: shifts from ${formatWhen(p.theyGet, p.zone)} and ${formatWhen(p.theyGiveUp, p.zone)} (proposed by ${p.requester}).`;
  return { text, blocks: [section(text)] };
}
