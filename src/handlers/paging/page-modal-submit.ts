import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Clock } from '../../core/clock.ts';
import type { RaisePageRequest } from '../../escalation/api.ts';
import { parseSeverity } from '../../escalation/domain/directory.ts';
import { PAGING_IDS } from '../../escalation/ids.ts';
import { pageModalMetadata, validatePageInput } from '../../escalation/views/paging-modal.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { selectedValue, textValue } from '../../platform/slack/view-values.ts';

export interface PageModalSubmitDeps {
  people: Pick<PeopleDirectory, 'bySlackId'>;
  clock: Clock;
  raisePage(input: RaisePageRequest, now: Date): Promise<unknown>;
}

const { actions: ACTIONS, blocks: BLOCKS } = PAGING_IDS;

/** A form whose metadata does not parse was opened by another version of the bot (or crafted). */
const STALE_FORM = 'This form is out of date: close it and run `/k8s-infra page` again.';

/**
 * The create-page form submitted: inline errors stay in the form; a valid page is raised after
 * the ack, once per view (a retried submission raises nothing new).
 */
export function pageModalSubmit(deps: PageModalSubmitDeps) {
  return async ({ ack, view, body }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
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
    const createdBy = deps.people.bySlackId(body.user.id)?.id ?? body.user.id;
    await deps.raisePage({ subprojectId: meta.subprojectId, severity, summary: summary.trim(), details: details.trim(), createdBy, key: `view:${view.id}` }, deps.clock.now());
  };
}
