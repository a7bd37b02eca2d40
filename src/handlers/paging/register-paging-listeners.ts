import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { PAGING_IDS } from '../../escalation/ids.ts';
import { acknowledgeButton, type AcknowledgeButtonDeps } from './acknowledge-button.ts';
import { escalateButton, type EscalateButtonDeps } from './escalate-button.ts';
import { pageModalSubmit, type PageModalSubmitDeps } from './page-modal-submit.ts';
import { resolveButton, type ResolveButtonDeps } from './resolve-button.ts';

export type PagingListenerDeps = AcknowledgeButtonDeps & EscalateButtonDeps & ResolveButtonDeps & PageModalSubmitDeps;

/** Acknowledge / Escalate now / Resolve on any message of a page (channel or DM), and the create-page form. */
export function registerPagingListeners(app: SlackListeners, deps: PagingListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(PAGING_IDS.actions.acknowledge, acknowledgeButton(deps));
  app.action<BlockAction<ButtonAction>>(PAGING_IDS.actions.escalate, escalateButton(deps));
  app.action<BlockAction<ButtonAction>>(PAGING_IDS.actions.resolve, resolveButton(deps));
  app.view(PAGING_IDS.callbacks.create, pageModalSubmit(deps));
}
