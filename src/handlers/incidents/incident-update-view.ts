import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Notifier } from '../../core/notifier.ts';
import { tooLong } from '../../incidents/domain/incident-lifecycle.ts';
import { parseStatus } from '../../incidents/domain/incident.ts';
import { INCIDENT_TEXT_LIMITS } from '../../incidents/domain/user-text.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../../incidents/ids.ts';
import type { IncidentDirectory } from '../../incidents/incident-directory.ts';
import { authoriseIncidentAction, recordRefusal, type AuthoriseDeps } from '../../incidents/use-cases/authorise-incident-action.ts';
import { incidentById, type ListIncidentsDeps } from '../../incidents/use-cases/list-incidents.ts';
import { postUpdate, type PostUpdateDeps } from '../../incidents/use-cases/post-update.ts';
import { updateMetadata } from '../../incidents/views/incident-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { selectedValue, textValue } from '../../platform/slack/view-values.ts';

const A = INCIDENTS_IDS.actions;

export type UpdateViewDeps = PostUpdateDeps &
  ListIncidentsDeps &
  AuthoriseDeps & {
    notifier: Pick<Notifier, 'dm'>;
    directory: Pick<IncidentDirectory, 'actor' | 'personName'>;
  };

/**
 * The update form: missing or too long fields, and a person the policy refuses, are told inline
 * (the form stays open); a refusal after the ack (the incident changed meanwhile) comes as a DM.
 */
export function registerIncidentUpdateView(app: SlackListeners, deps: UpdateViewDeps): void {
  app.view(INCIDENTS_IDS.callbacks.update, async ({ ack, view, body }) => {
    const v = view.state.values;
    const incidentId = readMetadata(updateMetadata, view.private_metadata)?.incidentId ?? selectedValue(v, B.incident, A.incident);
    const status = parseStatus(selectedValue(v, B.status, A.status) ?? '');
    const message = textValue(v, B.message, A.message);
    if (!incidentId) return void (await ack({ response_action: 'errors', errors: { [B.incident]: 'Pick the incident.' } }));
    if (!status) return void (await ack({ response_action: 'errors', errors: { [B.status]: 'Pick a status.' } }));
    if (!message.trim()) return void (await ack({ response_action: 'errors', errors: { [B.message]: 'Say what changed.' } }));
    const long = tooLong('An update', message, INCIDENT_TEXT_LIMITS.update);
    if (long) return void (await ack({ response_action: 'errors', errors: { [B.message]: long } }));
    const incident = await incidentById(deps, incidentId);
    if (!incident) return void (await ack({ response_action: 'errors', errors: { [B.message]: 'That incident no longer exists.' } }));
    const actor = deps.directory.actor(body.user.id, incident);
    const allowed = await authoriseIncidentAction(deps, incident, actor, 'update', deps.directory.personName);
    // The form names the field the answer is about; a chooser form names the incident picker.
    const field = readMetadata(updateMetadata, view.private_metadata)?.incidentId ? B.message : B.incident;
    if (!allowed.allowed) return void (await ack({ response_action: 'errors', errors: { [field]: allowed.reason } }));
    await ack();
    // The form is gone once acked: whatever happens next is told to the person, never dropped.
    try {
      const r = await postUpdate(deps, incidentId, { status, message, by: actor }, `incident-update:${view.id}`);
      if (!r.ok && r.refused) await recordRefusal(deps, incidentId, actor, r.refused, r.reason);
      if (!r.ok && !r.duplicate) await deps.notifier.dm(body.user.id, { text: `Your incident update was not posted: ${r.reason}` }).catch(() => undefined);
    } catch (err) {
      deps.log.warn({ err: err instanceof Error ? err.message : String(err), incident: incidentId }, 'could not post an incident update from the form');
      await deps.notifier.dm(body.user.id, { text: 'Your incident update was NOT posted: the bot could not save it just now. Post it again in a minute.' }).catch(() => undefined);
    }
  });
}
