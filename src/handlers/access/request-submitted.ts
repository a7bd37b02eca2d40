import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { ACCESS_IDS } from '../../access/ids.ts';
import { requestAccess, type AccessRequestForm, type RequestAccessDeps } from '../../access/use-cases/request-access.ts';
import { stableId } from '../../platform/slack/stable-id.ts';
import { selectedDate, selectedValue, textValue, type ViewValues } from '../../platform/slack/view-values.ts';
import { fieldErrors } from './field-errors.ts';
import { accessRequestModal, placementMetadata } from '../../access/views/access-request-modal.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';

const { actions: A, blocks: B, callbacks: C } = ACCESS_IDS;

/** The request modal's state as the use case's form. */
function readAccessModal(values: ViewValues): AccessRequestForm {
  return {
    group: selectedValue(values, B.group, A.groupSelect) ?? '',
    email: textValue(values, B.email, A.email),
    justification: textValue(values, B.justification, A.justification),
    until: selectedDate(values, B.until, A.until),
    temporary: selectedValue(values, B.duration, A.duration) === 'temporary',
  };
}

/** The request modal submitted: errors inline in the modal, or the request made (posted from the outbox). */
export function registerRequestSubmitted(app: SlackListeners, deps: RequestAccessDeps): void {
  app.view(C.request, async ({ ack, view, body }) => {
    // Same modal submission, same id: a retried view_submission finds the request it made.
    const id = stableId('ar-', `${view.id}:${body.user.id}`);
    const form = readAccessModal(view.state.values);
    // The placement step was shown: its answers (a section, a note) come with this submission.
    if (readMetadata(placementMetadata, view.private_metadata)) form.placement = { section: selectedValue(view.state.values, B.section, A.section), note: textValue(view.state.values, B.note, A.note) };
    const result = await requestAccess(deps, { id, userId: body.user.id, form });
    if (!result.ok && 'placement' in result) {
      const placement = { ...result.placement, values: { group: form.group, email: form.email, justification: form.justification, temporary: form.temporary, until: form.until } };
      return void (await ack({ response_action: 'update', view: accessRequestModal({ channel: deps.policy.channel, placement }) }));
    }
    if (!result.ok) return void (await ack({ response_action: 'errors', errors: fieldErrors(result.errors) }));
    await ack();
  });
}
