import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import { validateDeclare } from '../../incidents/domain/incident-lifecycle.ts';
import { pagesOnDeclare, parseSeverity } from '../../incidents/domain/incident.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../../incidents/ids.ts';
import type { IncidentDirectory } from '../../incidents/incident-directory.ts';
import { declareIncident, type DeclareIncidentDeps } from '../../incidents/use-cases/declare-incident.ts';
import { declareMetadata } from '../../incidents/views/incident-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { selectedUser, selectedValue, selectedValues, textValue } from '../../platform/slack/view-values.ts';

const A = INCIDENTS_IDS.actions;

export type DeclareViewDeps = DeclareIncidentDeps & {
  directory: Pick<IncidentDirectory, 'serviceChoices'>;
  notifier: Pick<Notifier, 'ephemeral'>;
  log: Pick<Logger, 'error'>;
};

/** Which block shows each field's problem inline. */
const FIELD_BLOCKS: Record<string, string> = { title: B.title, description: B.description, commander: B.commander };

/**
 * The declare form: a bad title, a description over the limit or a commander that is not a Slack
 * user (a crafted submission) is shown inline; otherwise ack at once (closing the modal) and
 * declare after. Anyone in the workspace may declare.
 */
export function registerIncidentDeclareView(app: SlackListeners, deps: DeclareViewDeps): void {
  app.view(INCIDENTS_IDS.callbacks.declare, async ({ ack, view, body }) => {
    const v = view.state.values;
    const title = textValue(v, B.title, A.title);
    const description = textValue(v, B.description, A.description);
    const commander = selectedUser(v, B.commander, A.commander) ?? body.user.id;
    const errors = validateDeclare({ title, description, commander });
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors: Object.fromEntries(Object.entries(errors).map(([field, message]) => [FIELD_BLOCKS[field] ?? B.title, message])) });
      return;
    }
    await ack();
    const known = new Set(deps.directory.serviceChoices().map((c) => c.id));
    const severity = parseSeverity(selectedValue(v, B.severity, A.severity) ?? 'SEV2') ?? 'SEV2';
    const request = {
      title,
      severity,
      // Only services the form offers (a crafted submission may name anything).
      services: selectedValues(v, B.services, A.services).filter((id) => known.has(id)),
      description,
      commander,
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
