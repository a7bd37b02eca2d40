import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { approveAccessRequest, denyAccessRequest } from '../../access/domain/access-request-lifecycle.ts';
import { decisionRefusal } from '../../access/domain/approval-rules.ts';
import { searchGroups } from '../../access/domain/search-groups.ts';
import { requestSummary } from '../../access/views/access-request-message.ts';
import { ACCESS_DENY_BLOCK, accessDenyModal, groupOptions } from '../../access/views/access-request-modal.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';
import { submitAccessRequest, type ViewValues } from './access-command.ts';
import type { AccessService } from '../../access/access-service.ts';

type Respond = (message: { response_type: 'ephemeral'; replace_original: false; text: string }) => Promise<unknown>;

/** Approve / Deny on the approval message, the group picker's options, and both modals. */
export function registerAccessInteractions(app: App, service: AccessService): void {
  const log = service.deps.log.child({ capability: 'access' });
  const tell = (respond: Respond, text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });

  app.options(ACTION_IDS.access.groupSelect, async ({ ack, options }) => {
    try {
      // Slack waits 3 s for options; a first catalog load from GitHub can take longer.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((r) => {
        timer = globalThis.setTimeout(r, 2500) as unknown as NodeJS.Timeout;
      });
      const catalog = await Promise.race([service.deps.access.catalog.get(), late]).finally(() => clearTimeout(timer));
      if (!catalog) log.warn('group options: the catalog is still loading');
      await ack({ options: catalog ? groupOptions(searchGroups(catalog, options.value ?? '')) : [] });
    } catch (err) {
      log.error({ err }, 'group options: catalog unavailable');
      await ack({ options: [] });
    }
  });

  app.view(CALLBACK_IDS.access.request, async ({ ack, view, body }) => {
    const result = await submitAccessRequest(service, { viewId: view.id, userId: body.user.id, values: view.state.values as ViewValues });
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
      return;
    }
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.access.approve, async ({ ack, action, body, respond }) => {
    await ack();
    const actor = service.actorFor(body.user.id);
    try {
      const t = await service.mutate(action.value ?? '', async (r) => approveAccessRequest(r, actor, await service.currentApprovers(r.group.emailId), service.deps.clock.now()));
      await tell(respond, t ? t.message : 'That access request no longer exists.');
    } catch (err) {
      log.error({ err }, 'approve failed');
      await tell(respond, 'Something went wrong recording your approval; please try again.');
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.access.deny, async ({ ack, action, body, respond, client }) => {
    await ack();
    const request = await service.repo.get(action.value ?? '');
    if (!request) return void (await tell(respond, 'That access request no longer exists.'));
    const actor = service.actorFor(body.user.id);
    // Refuse before asking for a reason; denyAccessRequest checks again on submit.
    const refusal = request.status === 'pending' ? decisionRefusal(request, actor, await service.currentApprovers(request.group.emailId)) : undefined;
    if (request.status !== 'pending' || refusal) {
      const t = denyAccessRequest(request, actor, 'x', [], service.deps.clock.now());
      return void (await tell(respond, refusal?.message ?? t.message));
    }
    await client.views.open({ trigger_id: body.trigger_id, view: accessDenyModal({ requestId: request.id, summary: `Deny *${requestSummary(request)}* for <@${request.requester.slackUserId}>?` }) });
  });

  app.view(CALLBACK_IDS.access.deny, async ({ ack, view, body }) => {
    const reason = Object.values((view.state.values as ViewValues)[ACCESS_DENY_BLOCK] ?? {})[0]?.value?.trim() ?? '';
    if (!reason) return void (await ack({ response_action: 'errors', errors: { [ACCESS_DENY_BLOCK]: 'Give the requester a reason.' } }));
    const actor = service.actorFor(body.user.id);
    const t = await service.mutate(view.private_metadata, async (r) => denyAccessRequest(r, actor, reason, await service.currentApprovers(r.group.emailId), service.deps.clock.now()));
    if (t && !t.changed && t.outcome !== 'already-decided') return void (await ack({ response_action: 'errors', errors: { [ACCESS_DENY_BLOCK]: t.message } }));
    await ack();
    if (t && !t.changed) await service.deps.notifier.dm(body.user.id, { text: t.message }).catch((err: unknown) => log.warn({ err }, 'could not tell the denier'));
  });
}
