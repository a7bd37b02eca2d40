import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Notifier } from '../../core/notifier.ts';
import { tooLong } from '../../incidents/domain/incident-lifecycle.ts';
import { INCIDENT_TEXT_LIMITS } from '../../incidents/domain/user-text.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../../incidents/ids.ts';
import type { IncidentDirectory } from '../../incidents/incident-directory.ts';
import { authoriseIncidentAction, recordRefusal, type AuthoriseDeps } from '../../incidents/use-cases/authorise-incident-action.ts';
import { incidentById, type ListIncidentsDeps } from '../../incidents/use-cases/list-incidents.ts';
import { resolveIncident, type ResolveIncidentDeps } from '../../incidents/use-cases/resolve-incident.ts';
import { resolveMetadata } from '../../incidents/views/incident-modals.ts';
import { readMetadata } from '../../platform/slack/private-metadata.ts';
import { textValue } from '../../platform/slack/view-values.ts';

const A = INCIDENTS_IDS.actions;

export type ResolveViewDeps = ResolveIncidentDeps &
  ListIncidentsDeps &
  AuthoriseDeps & {
    notifier: Pick<Notifier, 'dm'>;
    directory: Pick<IncidentDirectory, 'actor' | 'personName'>;
  };

/** The resolve form: only the stored commander or a lead, told inline (and audited); a refusal after the ack comes as a DM. */
export function registerIncidentResolveView(app: SlackListeners, deps: ResolveViewDeps): void {
  app.view(INCIDENTS_IDS.callbacks.resolve, async ({ ack, view, body }) => {
    const incidentId = readMetadata(resolveMetadata, view.private_metadata)?.incidentId;
    const summary = textValue(view.state.values, B.resolution, A.resolution);
    if (!incidentId) return void (await ack());
    if (!summary.trim()) return void (await ack({ response_action: 'errors', errors: { [B.resolution]: 'Say what was wrong and what fixed it.' } }));
    const long = tooLong('A resolution summary', summary, INCIDENT_TEXT_LIMITS.resolution);
    if (long) return void (await ack({ response_action: 'errors', errors: { [B.resolution]: long } }));
    const incident = await incidentById(deps, incidentId);
    if (!incident) return void (await ack({ response_action: 'errors', errors: { [B.resolution]: 'That incident no longer exists.' } }));
    const actor = deps.directory.actor(body.user.id, incident);
    const allowed = await authoriseIncidentAction(deps, incident, actor, 'resolve', deps.directory.personName);
    if (!allowed.allowed) return void (await ack({ response_action: 'errors', errors: { [B.resolution]: allowed.reason } }));
    await ack();
    // The form is gone once acked: whatever happens next is told to the person, never dropped.
    try {
      const r = await resolveIncident(deps, incidentId, summary, actor, `incident-resolve:${view.id}`);
      if (!r.ok && r.refused) await recordRefusal(deps, incidentId, actor, r.refused, r.reason);
      if (!r.ok && !r.duplicate) await deps.notifier.dm(body.user.id, { text: `The incident was not resolved: ${r.reason}` }).catch(() => undefined);
    } catch (err) {
      deps.log.warn({ err: err instanceof Error ? err.message : String(err), incident: incidentId }, 'could not resolve an incident from the form');
      await deps.notifier.dm(body.user.id, { text: 'The incident was NOT resolved: the bot could not save it just now. Resolve it again in a minute.' }).catch(() => undefined);
    }
  });
}
