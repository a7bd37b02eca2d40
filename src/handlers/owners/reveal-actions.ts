import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { z } from 'zod';
import { input, modal, textInput } from '../../platform/slack/blocks.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';
import { readMetadata, writeMetadata } from '../../platform/slack/private-metadata.ts';
import { textValue } from '../../platform/slack/view-values.ts';
import { DIRECTORY_NOT_CONFIGURED } from '../../owners/contact-keys.ts';
import { OWNERS_IDS } from '../../owners/ids.ts';
import { revealContact, type RevealContactInput } from '../../owners/use-cases/reveal-contact.ts';
import { refusedRevealText, revealedMessage } from '../../owners/views/contact-messages.ts';
import type { ContactHandlerDeps } from '../../owners/contact-deps.ts';

const buttonValue = z.object({ t: z.string(), k: z.enum(['page', 'incident']), i: z.string() });
const leadValue = z.object({ t: z.string() });
const reasonMetadata = z.object({ t: z.string(), c: z.string().optional() });

function parse<S extends z.ZodType>(schema: S, raw: string | undefined): z.output<S> | undefined {
  return readMetadata(schema, raw);
}

/** Runs a reveal and tells the asker (ephemeral) what came of it. */
async function reveal(deps: ContactHandlerDeps, request: RevealContactInput, tell: (m: { text: string; blocks?: unknown[] }) => Promise<void>): Promise<void> {
  const mention = deps.people.mention(request.target);
  const result = await revealContact(deps, request, deps.clock.now());
  if (result.kind === 'revealed') return tell(revealedMessage(mention, result.details, result.why));
  if (result.kind === 'nothing-stored') return tell({ text: `${mention} has not entered contact details. Page them instead: ${deps.pageHint(request.target)}` });
  if (result.kind === 'not-configured') return tell({ text: DIRECTORY_NOT_CONFIGURED });
  return tell({ text: refusedRevealText(mention, deps.pageHint(request.target)) });
}

/** The Reveal contact button, a lead's "Reveal with a reason" and its reason modal. */
export function registerRevealActions(app: SlackListeners, deps: ContactHandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(OWNERS_IDS.actions.reveal, async ({ ack, action, body, respond, client }) => {
    await ack();
    const value = parse(buttonValue, action.value);
    const target = { respond, client, channel: body.channel?.id, user: body.user.id };
    const tell = async (m: { text: string; blocks?: unknown[] }) => {
      if (m.blocks) await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks as never });
      else await tellEphemeral(target, m.text);
    };
    if (!value) return tellEphemeral(target, 'That button is from another version of the bot: run `/k8s-infra contact @person` again.');
    const actor = deps.people.bySlackId(body.user.id)?.id;
    await reveal(deps, { key: `${body.user.id}:${action.action_ts}`, actor, target: value.t, through: { kind: value.k, id: value.i } }, tell).catch(async (err: unknown) => {
      deps.log.error({ err: err instanceof Error ? err.message : 'error' }, 'reveal failed');
      await tellEphemeral(target, 'The reveal could not be recorded, so nothing is shown. Try again in a minute.');
    });
  });

  app.action<BlockAction<ButtonAction>>(OWNERS_IDS.actions.revealAsLead, async ({ ack, action, body, client, respond }) => {
    await ack();
    const value = parse(leadValue, action.value);
    if (!value) return tellEphemeral({ respond, client, channel: body.channel?.id, user: body.user.id }, 'That button is from another version of the bot: run `/k8s-infra contact @person` again.');
    await client.views.open({
      trigger_id: body.trigger_id,
      view: modal({
        callbackId: OWNERS_IDS.callbacks.revealReason,
        title: 'Reveal contact',
        submit: 'Reveal',
        privateMetadata: writeMetadata({ t: value.t, ...(body.channel?.id ? { c: body.channel.id } : {}) }),
        blocks: [input({ blockId: OWNERS_IDS.blocks.reason, label: 'Why do you need them?', hint: `Told to ${value.t} and kept in the audit log.`, element: textInput({ actionId: OWNERS_IDS.actions.reason, maxLength: 300, multiline: true }) })],
      }),
    });
  });

  app.view(OWNERS_IDS.callbacks.revealReason, async ({ ack, view, body, client }) => {
    const meta = parse(reasonMetadata, view.private_metadata);
    const reason = textValue(view.state.values, OWNERS_IDS.blocks.reason, OWNERS_IDS.actions.reason).trim();
    if (!meta) return ack({ response_action: 'errors', errors: { [OWNERS_IDS.blocks.reason]: 'This form is from another version of the bot: close it and start again.' } });
    if (reason.length < 5) return ack({ response_action: 'errors', errors: { [OWNERS_IDS.blocks.reason]: 'State the reason (a few words at least): the person is told.' } });
    await ack();
    const actor = deps.people.bySlackId(body.user.id)?.id;
    // Shown where the lead asked, or in their DM with the bot.
    const channel = meta.c ?? body.user.id;
    const tell = async (m: { text: string; blocks?: unknown[] }) => {
      await client.chat.postEphemeral({ channel, user: body.user.id, text: m.text, ...(m.blocks ? { blocks: m.blocks as never } : {}) });
    };
    await reveal(deps, { key: `${body.user.id}:${view.id}`, actor, target: meta.t, reason }, tell).catch((err: unknown) => {
      deps.log.error({ err: err instanceof Error ? err.message : 'error' }, 'reveal failed');
    });
  });
}
