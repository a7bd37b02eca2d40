import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import { SEVERITIES, type Severity } from '../../escalation/domain/directory.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';
import { PAGE_MODAL_BLOCKS, validatePageInput, type PageModalMetadata } from '../../escalation/views/paging-modal.ts';
import type { PageService } from '../../escalation/page-service.ts';

async function ephemeral(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Acknowledge / Escalate now / Resolve on any message of a page (channel or DM), and the create-page modal. */
export function registerPageActions(app: App, deps: OnCallDeps, service: PageService): void {
  const personOf = (slackId: string) => deps.people.bySlackId(slackId)?.id ?? slackId;
  const mentionActor = (id: string) => (id.includes(' ') ? id : deps.people.mention(id));

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.paging.acknowledge, async ({ ack, action, body, respond }) => {
    await ack();
    const by = personOf(body.user.id);
    const r = await service.acknowledge(action.value ?? '', by, deps.clock.now());
    if (!r) return ephemeral(respond, `There is no page \`${action.value}\`.`);
    if (r.kind === 'already-acknowledged') return ephemeral(respond, `Already acknowledged by ${mentionActor(r.alreadyAcknowledgedBy)} at ${r.at.slice(11, 16)} UTC.`);
    if (r.kind === 'refused') return ephemeral(respond, `:no_entry: ${r.message}`);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.paging.escalate, async ({ ack, action, body, respond }) => {
    await ack();
    const r = await service.escalate(action.value ?? '', personOf(body.user.id), deps.clock.now());
    if (!r) return ephemeral(respond, `There is no page \`${action.value}\`.`);
    if (r.kind === 'refused') return ephemeral(respond, `:no_entry: ${r.message}`);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.paging.resolve, async ({ ack, action, body, respond }) => {
    await ack();
    const r = await service.resolve(action.value ?? '', personOf(body.user.id), deps.clock.now());
    if (!r) return ephemeral(respond, `There is no page \`${action.value}\`.`);
    if (r.kind === 'not-allowed') return ephemeral(respond, `:no_entry: ${r.message}`);
    if (r.kind === 'already-resolved') return ephemeral(respond, `Already resolved by ${mentionActor(r.resolvedBy)} at ${r.at.slice(11, 16)} UTC.`);
  });

  app.view(CALLBACK_IDS.paging.create, async ({ ack, view, body }) => {
    const values = view.state.values;
    const summary = values[PAGE_MODAL_BLOCKS.summary]?.[ACTION_IDS.paging.summary]?.value ?? '';
    const details = values[PAGE_MODAL_BLOCKS.details]?.[ACTION_IDS.paging.details]?.value ?? '';
    const chosen = values[PAGE_MODAL_BLOCKS.severity]?.[ACTION_IDS.paging.severity]?.selected_option?.value ?? 'error';
    const errors = validatePageInput(summary, details);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const meta = JSON.parse(view.private_metadata) as PageModalMetadata;
    const severity: Severity = (SEVERITIES as readonly string[]).includes(chosen) ? (chosen as Severity) : 'error';
    await service.raise(
      { subprojectId: meta.subprojectId, severity, summary: summary.trim(), details: details.trim(), createdBy: personOf(body.user.id), key: `view:${view.id}` },
      deps.clock.now(),
    );
  });
}
