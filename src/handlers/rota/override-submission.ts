import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import { selectedDateTime, selectedUser, selectedValue } from '../../platform/slack/view-values.ts';
import type { OverrideFormErrors } from '../../rota/domain/override-form.ts';
import { hasErrors } from '../../rota/domain/validate-override.ts';
import { ROTA_IDS } from '../../rota/ids.ts';
import { createOverride, type CreateOverrideDeps } from '../../rota/use-cases/create-override.ts';
import { OVERRIDE_BLOCKS } from '../../rota/views/rota-override-modal.ts';

const { actions } = ROTA_IDS;
const FIELDS = ['subproject', 'person', 'from', 'to'] as const;

function instant(seconds: number | undefined): Date | undefined {
  return typeof seconds === 'number' ? new Date(seconds * 1000) : undefined;
}

/** The override modal: errors inline on the fields, else the override is created after the ack. */
export function registerOverrideSubmission(app: SlackListeners, deps: CreateOverrideDeps): void {
  app.view(ROTA_IDS.callbacks.override, async ({ ack, view, body }) => {
    const v = view.state.values;
    const submission = {
      viewId: view.id,
      submittedBy: body.user.id,
      subprojectId: selectedValue(v, OVERRIDE_BLOCKS.subproject, actions.overrideSubproject) ?? '',
      cover: selectedUser(v, OVERRIDE_BLOCKS.person, actions.overridePerson),
      from: instant(selectedDateTime(v, OVERRIDE_BLOCKS.from, actions.overrideFrom)),
      to: instant(selectedDateTime(v, OVERRIDE_BLOCKS.to, actions.overrideTo)),
    };
    await createOverride(deps, submission, async (errors?: OverrideFormErrors) => {
      if (!errors || !hasErrors(errors)) return ack();
      const byBlock: Record<string, string> = {};
      for (const field of FIELDS) {
        const message = errors[field];
        if (message) byBlock[OVERRIDE_BLOCKS[field]] = message;
      }
      await ack({ response_action: 'errors', errors: byBlock });
    });
  });
}
