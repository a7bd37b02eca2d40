import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { z } from 'zod';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { textValue } from '../../platform/slack/view-values.ts';
import { OWNERS_IDS } from '../../owners/ids.ts';
import type { NominationDeps } from '../../owners/ports/nomination-deps.ts';
import { castVote } from '../../owners/use-cases/cast-vote.ts';
import { recordIntent } from '../../owners/use-cases/record-intent.ts';
import { submitNomination } from '../../owners/use-cases/submit-nomination.ts';
import { intentModal } from '../../owners/views/nomination-views.ts';
import type { Clock } from '../../core/clock.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';

export interface NominationHandlerDeps {
  nominations: NominationDeps;
  people: Pick<PeopleDirectory, 'bySlackId' | 'isLead' | 'mention'>;
  clock: Clock;
  /** Republishes the voter's (and nominee's) Home tab once their vote or statement is recorded. */
  home?: HomeRefresher;
}

const { actions: a, blocks: b, callbacks: c } = OWNERS_IDS;
const nominateMeta = z.object({ s: z.string(), p: z.string() });
const intentMeta = z.object({ n: z.string() });

/** The nomination form, the nominee's statement of intent, and the Support / Object buttons. */
export function registerNominationActions(app: SlackListeners, deps: NominationHandlerDeps): void {
  app.view(c.nominate, async ({ ack, view, body, client }) => {
    const meta = readMetadata(nominateMeta, view.private_metadata);
    const credentials = textValue(view.state.values, b.credentials, a.credentials).trim();
    const support = textValue(view.state.values, b.support, a.support).trim();
    if (!meta) return ack({ response_action: 'errors', errors: { [b.credentials]: 'This form is from another version of the bot: close it and start again.' } });
    const errors: Record<string, string> = {};
    if (credentials.length < 20) errors[b.credentials] = 'Say what they have done (a few sentences, with links).';
    if (support.length < 20) errors[b.support] = 'Say why you support them (a few sentences).';
    if (Object.keys(errors).length) return ack({ response_action: 'errors', errors });
    const by = deps.people.bySlackId(body.user.id)?.id;
    const r = await submitNomination(deps.nominations, { by, byIsLead: deps.people.isLead(body.user.id), personId: meta.p, subprojectId: meta.s, viewId: view.id, credentials, support }, deps.clock.now());
    if (!r.ok) return ack({ response_action: 'errors', errors: { [b.credentials]: r.message.slice(0, 300) } });
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `Nomination of ${deps.people.mention(meta.p)} for \`${meta.s}\` filed: the issue and the vote are being posted; lazy consensus until ${r.nomination?.deadlineAt?.toISOString().slice(0, 16).replace('T', ' ')} UTC.` });
  });

  app.action<BlockAction<ButtonAction>>(a.writeIntent, async ({ ack, action, body, client }) => {
    await ack();
    const [nominationId = '', subprojectId = 'the subproject'] = (action.value ?? '').split('|');
    await client.views.open({ trigger_id: body.trigger_id, view: intentModal(nominationId, subprojectId) });
  });

  app.view(c.intent, async ({ ack, view, body, client }) => {
    const meta = readMetadata(intentMeta, view.private_metadata);
    const intent = textValue(view.state.values, b.intent, a.intent).trim();
    if (!meta) return ack({ response_action: 'errors', errors: { [b.intent]: 'This form is from another version of the bot: close it and start again.' } });
    if (intent.length < 20) return ack({ response_action: 'errors', errors: { [b.intent]: 'Say what you will do as an owner (a few sentences).' } });
    const r = await recordIntent(deps.nominations, { nominationId: meta.n, personId: deps.people.bySlackId(body.user.id)?.id, intent }, deps.clock.now());
    if (r.kind === 'refused') return ack({ response_action: 'errors', errors: { [b.intent]: r.message } });
    await ack();
    deps.home?.refresh([body.user.id]);
    await client.chat.postMessage({ channel: body.user.id, text: 'Thank you: your statement of intent is on the nomination issue.' });
  });

  for (const [actionId, vote] of [
    [a.voteSupport, 'support'],
    [a.voteObject, 'object'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, client }) => {
      await ack();
      const tell = (text: string) => tellEphemeral({ respond, client, channel: body.channel?.id, user: body.user.id }, text);
      const r = await castVote(deps.nominations, { nominationId: action.value ?? '', voter: deps.people.bySlackId(body.user.id)?.id, voterSlack: body.user.id, voterIsLead: deps.people.isLead(body.user.id), vote }, deps.clock.now());
      if (r.kind !== 'voted') return tell(r.message);
      deps.home?.refresh([body.user.id]);
      return tell(r.changed ? `Recorded: you ${vote === 'support' ? 'support' : 'object to'} this nomination${r.previous ? ` (was ${r.previous})` : ''}.` : `Already recorded: you ${vote === 'support' ? 'support' : 'object to'} it.`);
    });
  }
}
