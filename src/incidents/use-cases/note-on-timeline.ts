import type { Logger } from 'pino';
import { audit } from '../../platform/outbox/effects.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export interface NoteOnTimelineDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'record' | 'timeline'>;
  log: Pick<Logger, 'warn'>;
}

/**
 * Another capability's line on an open incident's timeline (a contact reveal), on its own
 * authority, once per key, audited as `actorSlackId`. False when the incident is resolved or unknown.
 */
export async function noteOnTimeline(deps: NoteOnTimelineDeps, input: { incidentId: string; key: string; text: string; actorSlackId: string }, now: Date): Promise<boolean> {
  const incident = await deps.incidents.get(input.incidentId);
  if (!incident || incident.status === 'resolved') return false;
  const joined = await deps.incidents.record(incident.id, { entry: { at: now, kind: 'note', actor: input.actorSlackId, text: input.text }, dedupKey: `note:${input.key}` });
  if (!joined) return true;
  // `record` writes its effects on every call: the audit entry goes only with the note's first write.
  await deps.incidents.record(incident.id, { effects: [audit({ at: now, actor: input.actorSlackId, action: 'incident.noted', subject: `incident:${incident.id}`, payload: { key: input.key, text: input.text } })] });
  void refreshSummary(deps, incident.id).catch((err: unknown) => deps.log.warn({ err, incident: incident.id }, 'could not refresh the incident summary'));
  return true;
}
