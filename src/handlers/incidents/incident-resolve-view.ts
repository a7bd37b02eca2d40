import type { App } from '@slack/bolt';
import type { Notifier } from '../../core/notifier.ts';
import { mayResolve } from '../../incidents/domain/permissions.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../../incidents/ids.ts';
import { incidentById, type ListIncidentsDeps } from '../../incidents/use-cases/list-incidents.ts';
import { resolveIncident, type ResolveIncidentDeps } from '../../incidents/use-cases/resolve-incident.ts';
import { resolveMetadata } from '../../incidents/views/incident-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { textValue } from '../../platform/slack/view-values.ts';

const A = INCIDENTS_IDS.actions;

export type ResolveViewDeps = ResolveIncidentDeps & ListIncidentsDeps & { notifier: Pick<Notifier, 'dm'> };

/** The resolve form: only the commander or a lead, told inline; a refusal after the ack comes as a DM. */
export function registerIncidentResolveView(app: App, deps: ResolveViewDeps): void {
  app.view(INCIDENTS_IDS.callbacks.resolve, async ({ ack, view, body }) => {
    const incidentId = readMetadata(resolveMetadata, view.private_metadata)?.incidentId;
    const summary = textValue(view.state.values, B.resolution, A.resolution);
    if (!incidentId) return void (await ack());
    if (!summary.trim()) return void (await ack({ response_action: 'errors', errors: { [B.resolution]: 'Say what was wrong and what fixed it.' } }));
    const incident = await incidentById(deps, incidentId);
    if (incident && !mayResolve(incident, body.user.id, deps.isLead)) {
      return void (await ack({ response_action: 'errors', errors: { [B.resolution]: `Only the commander or a lead can resolve this incident.` } }));
    }
    await ack();
    const r = await resolveIncident(deps, incidentId, summary, body.user.id, `incident-resolve:${view.id}`);
    if (!r.ok && !r.duplicate) await deps.notifier.dm(body.user.id, { text: `The incident was not resolved: ${r.reason}` }).catch(() => undefined);
  });
}
