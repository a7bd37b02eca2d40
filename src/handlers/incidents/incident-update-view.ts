import type { App } from '@slack/bolt';
import type { Notifier } from '../../core/notifier.ts';
import { parseStatus } from '../../incidents/domain/incident.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../../incidents/ids.ts';
import { postUpdate, type PostUpdateDeps } from '../../incidents/use-cases/post-update.ts';
import { updateMetadata } from '../../incidents/views/incident-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { selectedValue, textValue } from '../../platform/slack/view-values.ts';

const A = INCIDENTS_IDS.actions;

export type UpdateViewDeps = PostUpdateDeps & { notifier: Pick<Notifier, 'dm'> };

/** The update form: missing fields inline; a refusal after the ack comes as a DM (the modal is gone). */
export function registerIncidentUpdateView(app: App, deps: UpdateViewDeps): void {
  app.view(INCIDENTS_IDS.callbacks.update, async ({ ack, view, body }) => {
    const v = view.state.values;
    const incidentId = readMetadata(updateMetadata, view.private_metadata)?.incidentId ?? selectedValue(v, B.incident, A.incident);
    const status = parseStatus(selectedValue(v, B.status, A.status) ?? '');
    const message = textValue(v, B.message, A.message);
    if (!incidentId) return void (await ack({ response_action: 'errors', errors: { [B.incident]: 'Pick the incident.' } }));
    if (!status) return void (await ack({ response_action: 'errors', errors: { [B.status]: 'Pick a status.' } }));
    if (!message.trim()) return void (await ack({ response_action: 'errors', errors: { [B.message]: 'Say what changed.' } }));
    await ack();
    const r = await postUpdate(deps, incidentId, { status, message, by: body.user.id }, `incident-update:${view.id}`);
    if (!r.ok && !r.duplicate) await deps.notifier.dm(body.user.id, { text: `Your incident update was not posted: ${r.reason}` }).catch(() => undefined);
  });
}
