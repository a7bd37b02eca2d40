import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../core/clock.ts';
import { parseSeverity } from '../../escalation/domain/directory.ts';
import { PAGING_IDS } from '../../escalation/ids.ts';
import type { PageRequest, PageRequestOutcome } from '../../escalation/use-cases/request-page.ts';
import { PAGE_NOT_RAISED, pageRequestReply } from '../../escalation/views/page-request-replies.ts';
import { pageModalMetadata, validatePageInput } from '../../escalation/views/paging-modal.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { selectedValue, textValue } from '../../platform/slack/view-values.ts';
import { isDatabaseUnavailable } from '../../platform/store/database-unavailable.ts';
import { actorFor } from './page-buttons.ts';

export interface PageModalSubmitDeps {
  people: Pick<PeopleDirectory, 'bySlackId' | 'mention'>;
  clock: Clock;
  requestPage(request: PageRequest, now: Date): Promise<PageRequestOutcome>;
  channelFor(subprojectId: string): string;
}

const { actions: ACTIONS, blocks: BLOCKS } = PAGING_IDS;

/** A form whose metadata does not parse was opened by another version of the bot (or crafted). */
const STALE_FORM = 'This form is out of date: close it and run `/k8s-infra page` again.';

/**
 * Tells the person who submitted the form, where they ran the command (a view submission has no
 * response_url); in their DM with the bot when it cannot post there (a channel it is not in).
 */
async function tellSubmitter(client: WebClient, channelId: string, userId: string, text: string): Promise<void> {
  try {
    await tellEphemeral({ client, channel: channelId, user: userId }, text);
  } catch {
    await client.chat.postMessage({ channel: userId, text });
  }
}

/**
 * The create-page form submitted: inline errors stay in the form; a valid request is handled after
 * the ack, once per view (a retried submission raises nothing new), and the person is told what
 * became of it: raised, joined to the open page, over the hourly limit, or not raised at all.
 */
export function pageModalSubmit(deps: PageModalSubmitDeps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const values = view.state.values;
    const summary = textValue(values, BLOCKS.summary, ACTIONS.summary);
    const details = textValue(values, BLOCKS.details, ACTIONS.details);
    const errors = validatePageInput(summary, details);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const meta = readMetadata(pageModalMetadata, view.private_metadata);
    if (!meta) {
      await ack({ response_action: 'errors', errors: { [BLOCKS.summary]: STALE_FORM } });
      return;
    }
    await ack();
    const severity = parseSeverity(selectedValue(values, BLOCKS.severity, ACTIONS.severity) ?? 'error') ?? 'error';
    const request: PageRequest = {
      subprojectId: meta.subprojectId,
      severity,
      summary: summary.trim(),
      details: details.trim(),
      actor: actorFor(deps.people, body.user.id),
      slackId: body.user.id,
      key: `view:${view.id}`,
    };
    let reply: string;
    try {
      reply = pageRequestReply(await deps.requestPage(request, deps.clock.now()), deps.channelFor(meta.subprojectId), (id) => deps.people.mention(id));
    } catch (err) {
      const unavailable = isDatabaseUnavailable(err);
      const text = unavailable ? `:warning: The bot cannot reach its database. ${PAGE_NOT_RAISED}` : `:warning: Your page could not be raised: something went wrong (it was logged). ${PAGE_NOT_RAISED}`;
      await tellSubmitter(client, meta.channelId, body.user.id, text);
      // An outage is expected and the person knows; anything else is a bug for the log.
      if (!unavailable) throw err;
      return;
    }
    await tellSubmitter(client, meta.channelId, body.user.id, reply);
  };
}
