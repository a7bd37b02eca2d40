import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import { validateDeclare } from '../../incidents/domain/incident-lifecycle.ts';
import { pagesOnDeclare, parseSeverity } from '../../incidents/domain/incident.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../../incidents/ids.ts';
import { declareIncident, type DeclareIncidentDeps } from '../../incidents/use-cases/declare-incident.ts';
import { declareMetadata } from '../../incidents/views/incident-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { selectedUser, selectedValue, selectedValues, textValue } from '../../platform/slack/view-values.ts';

const A = INCIDENTS_IDS.actions;

export type DeclareViewDeps = DeclareIncidentDeps & {
  notifier: Pick<Notifier, 'ephemeral'>;
  log: Pick<Logger, 'error'>;
};

/** The declare form: a bad title is shown inline; otherwise ack at once (closing the modal) and declare after. */
export function registerIncidentDeclareView(app: App, deps: DeclareViewDeps): void {
  app.view(INCIDENTS_IDS.callbacks.declare, async ({ ack, view, body }) => {
    const v = view.state.values;
    const title = textValue(v, B.title, A.title);
    const errors = validateDeclare({ title });
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors: { [B.title]: errors.title ?? '' } });
      return;
    }
    await ack();
    const severity = parseSeverity(selectedValue(v, B.severity, A.severity) ?? 'SEV2') ?? 'SEV2';
    const request = {
      title,
      severity,
      services: selectedValues(v, B.services, A.services).filter(Boolean),
      description: textValue(v, B.description, A.description),
      commander: selectedUser(v, B.commander, A.commander) ?? body.user.id,
      declarer: body.user.id,
      page: pagesOnDeclare(severity, selectedValue(v, B.page, A.page)),
    };
    try {
      // The view id is the same on a retried submission: one incident per modal.
      await declareIncident(deps, request, `incident-declare:${view.id}`);
    } catch (err) {
      deps.log.error({ err }, 'declaring an incident failed');
      const channel = readMetadata(declareMetadata, view.private_metadata)?.channelId;
      if (channel) await deps.notifier.ephemeral(channel, body.user.id, { text: 'Declaring the incident failed; the error was logged. Please try again.' }).catch(() => undefined);
    }
  });
}
