import type { App } from '@slack/bolt';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import { validateDeclare } from '../../incidents/domain/incident-lifecycle.ts';
import { parseSeverity, parseStatus } from '../../incidents/domain/incident.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';
import { INCIDENT_BLOCKS as B } from '../../incidents/views/incident-modals.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';

const A = ACTION_IDS.incidents;

interface StateValue {
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  selected_user?: string | null;
}
type Values = Record<string, Record<string, StateValue>>;

const text = (v: Values, block: string, action: string) => v[block]?.[action]?.value ?? '';
const selected = (v: Values, block: string, action: string) => v[block]?.[action]?.selected_option?.value ?? undefined;

function metadata(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Modal submissions: errors inline; otherwise ack at once (closing the modal) and do the work after. */
export function registerIncidentViews(app: App, deps: OnCallDeps, service: IncidentService): void {
  app.view(CALLBACK_IDS.incidents.declare, async ({ ack, view, body }) => {
    const v = view.state.values as Values;
    const title = text(v, B.title, A.title);
    const errors = validateDeclare({ title });
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors: { [B.title]: errors.title ?? '' } });
      return;
    }
    await ack();
    const severity = parseSeverity(selected(v, B.severity, A.severity) ?? 'SEV2') ?? 'SEV2';
    const commander = v[B.commander]?.[A.commander]?.selected_user ?? body.user.id;
    const services = (v[B.services]?.[A.services]?.selected_options ?? []).map((o) => o.value ?? '').filter(Boolean);
    // The view id is the same on a retried submission: one incident per modal.
    const key = `incident-declare:${view.id}`;
    try {
      await service.declare(
        { title, severity, services, description: text(v, B.description, A.description), commander, declarer: body.user.id, page: service.defaultPage(severity, selected(v, B.page, A.page)) },
        key,
      );
    } catch (err) {
      deps.log.error({ err }, 'declaring an incident failed');
      const channel = metadata(view.private_metadata).channelId;
      if (typeof channel === 'string') await deps.notifier.ephemeral(channel, body.user.id, { text: 'Declaring the incident failed; the error was logged. Please try again.' }).catch(() => undefined);
    }
  });

  app.view(CALLBACK_IDS.incidents.update, async ({ ack, view, body }) => {
    const v = view.state.values as Values;
    const incidentId = (metadata(view.private_metadata).incidentId as string | null) ?? selected(v, B.incident, A.incident);
    const status = parseStatus(selected(v, B.status, A.status) ?? '');
    const message = text(v, B.message, A.message);
    if (!incidentId) return void (await ack({ response_action: 'errors', errors: { [B.incident]: 'Pick the incident.' } }));
    if (!status) return void (await ack({ response_action: 'errors', errors: { [B.status]: 'Pick a status.' } }));
    if (!message.trim()) return void (await ack({ response_action: 'errors', errors: { [B.message]: 'Say what changed.' } }));
    await ack();
    const r = await service.update(incidentId, { status, message, by: body.user.id }, `incident-update:${view.id}`);
    if (!r.ok && !r.duplicate) await deps.notifier.dm(body.user.id, { text: `Your incident update was not posted: ${r.reason}` }).catch(() => undefined);
  });

  app.view(CALLBACK_IDS.incidents.resolve, async ({ ack, view, body }) => {
    const v = view.state.values as Values;
    const incidentId = metadata(view.private_metadata).incidentId;
    const summary = text(v, B.resolution, A.resolution);
    if (typeof incidentId !== 'string') return void (await ack());
    if (!summary.trim()) return void (await ack({ response_action: 'errors', errors: { [B.resolution]: 'Say what was wrong and what fixed it.' } }));
    const incident = await service.repo.get(incidentId);
    if (incident && !service.mayResolve(incident, body.user.id)) {
      return void (await ack({ response_action: 'errors', errors: { [B.resolution]: `Only the commander or a lead can resolve this incident.` } }));
    }
    await ack();
    const r = await service.resolve(incidentId, summary, body.user.id, `incident-resolve:${view.id}`);
    if (!r.ok && !r.duplicate) await deps.notifier.dm(body.user.id, { text: `The incident was not resolved: ${r.reason}` }).catch(() => undefined);
  });
}
