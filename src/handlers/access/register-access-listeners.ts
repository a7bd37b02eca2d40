import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import type { ApproveAccessDeps } from '../../access/use-cases/approve-access.ts';
import type { BeginDenyAccessDeps } from '../../access/use-cases/begin-deny-access.ts';
import type { DenyAccessDeps } from '../../access/use-cases/deny-access.ts';
import type { RequestAccessDeps } from '../../access/use-cases/request-access.ts';
import type { SuggestGroupsDeps } from '../../access/use-cases/suggest-groups.ts';
import type { CancelAccessDeps } from '../../access/use-cases/cancel-access.ts';
import { registerApproveClicked } from './approve-clicked.ts';
import { registerCancelClicked } from './cancel-clicked.ts';
import type { EndAccessNowDeps } from '../../access/use-cases/end-access-now.ts';
import type { ExtendAccessDeps } from '../../access/use-cases/extend-access.ts';
import { registerEndNowClicked } from './end-now-clicked.ts';
import { registerExtendClicked } from './extend-clicked.ts';
import { registerExtendSubmitted } from './extend-submitted.ts';
import { registerDenyClicked } from './deny-clicked.ts';
import { registerDenySubmitted } from './deny-submitted.ts';
import { registerGroupOptions } from './group-options.ts';
import { registerRequestSubmitted } from './request-submitted.ts';

export interface AccessListenerDeps {
  request: RequestAccessDeps;
  suggest: SuggestGroupsDeps;
  approve: ApproveAccessDeps;
  beginDeny: BeginDenyAccessDeps;
  deny: DenyAccessDeps;
  cancel: CancelAccessDeps;
  endNow: EndAccessNowDeps;
  extend: ExtendAccessDeps;
  notifier: Notifier;
  log: Logger;
}

/** The access listeners: the request modal and its group picker, Approve, Deny and the reason modal, Withdraw, and End now / Extend on the reminders before expiry. */
export function registerAccessListeners(app: SlackListeners, deps: AccessListenerDeps): void {
  registerGroupOptions(app, deps.suggest);
  registerRequestSubmitted(app, deps.request);
  registerApproveClicked(app, deps.approve, deps.log);
  registerDenyClicked(app, deps.beginDeny);
  registerDenySubmitted(app, deps.deny, deps.notifier, deps.log);
  registerCancelClicked(app, deps.cancel, deps.log);
  registerEndNowClicked(app, deps.endNow, deps.log);
  registerExtendClicked(app, deps.extend);
  registerExtendSubmitted(app, deps.extend);
}
