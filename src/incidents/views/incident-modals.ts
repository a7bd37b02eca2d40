import { SEVERITIES, SEVERITY_INFO, STATUSES, type Incident, type IncidentStatus } from '../domain/incident.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';

type Block = Record<string, unknown>;
const A = ACTION_IDS.incidents;
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const option = (text: string, value: string, description?: string) => ({ text: plain(text), value, ...(description ? { description: plain(description.slice(0, 75)) } : {}) });

export interface ServiceChoice {
  id: string;
  name: string;
  /** Set for services the group does not run (routed to their SIG). */
  ownedBy?: string;
}

/** Block ids equal action ids, so inline errors (`response_action: errors`) name the field. */
export const INCIDENT_BLOCKS = A;

export function declareModal(input: { declarer: string; services: ServiceChoice[]; channelId?: string }): Block {
  const inScope = input.services.filter((s) => !s.ownedBy);
  const outOfScope = input.services.filter((s) => s.ownedBy);
  const group = (label: string, list: ServiceChoice[]) => ({
    label: plain(label),
    options: list.slice(0, 100).map((s) => option(s.ownedBy ? `${s.name} (${s.ownedBy})` : s.name, s.id)),
  });
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.incidents.declare,
    title: plain('Declare an incident'),
    submit: plain('Declare'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify({ channelId: input.channelId ?? null }),
    blocks: [
      { type: 'input', block_id: A.title, label: plain('Title'), element: { type: 'plain_text_input', action_id: A.title, max_length: 150, placeholder: plain('registry.k8s.io pulls failing in EU') } },
      {
        type: 'input',
        block_id: A.severity,
        label: plain('Severity'),
        element: {
          type: 'radio_buttons',
          action_id: A.severity,
          initial_option: option(SEVERITY_INFO.SEV2.label, 'SEV2', SEVERITY_INFO.SEV2.description),
          options: SEVERITIES.map((s) => option(SEVERITY_INFO[s].label, s, SEVERITY_INFO[s].description)),
        },
      },
      {
        type: 'input',
        block_id: A.services,
        optional: true,
        label: plain('Affected services'),
        element: {
          type: 'multi_static_select',
          action_id: A.services,
          placeholder: plain('Pick services'),
          option_groups: [group('Run by k8s-infra', inScope), ...(outOfScope.length ? [group('Owned by other SIGs', outOfScope)] : [])],
        },
      },
      { type: 'input', block_id: A.commander, label: plain('Commander'), element: { type: 'users_select', action_id: A.commander, initial_user: input.declarer } },
      { type: 'input', block_id: A.description, optional: true, label: plain('Description'), element: { type: 'plain_text_input', action_id: A.description, multiline: true, max_length: 2900 } },
      {
        type: 'input',
        block_id: A.page,
        label: plain('Page the on-call?'),
        element: {
          type: 'radio_buttons',
          action_id: A.page,
          initial_option: option('As the severity says (SEV1 and SEV2 page)', 'auto'),
          options: [option('As the severity says (SEV1 and SEV2 page)', 'auto'), option('Yes, page now', 'yes'), option('No', 'no')],
        },
      },
    ],
  };
}

const statusOptions = STATUSES.filter((s) => s !== 'resolved').map((s) => option(s, s));

/** The update form; without an incident (run outside an incident channel) it asks which one first. */
export function updateModal(input: { incident?: Pick<Incident, 'id' | 'title' | 'status' | 'severity'>; open?: Pick<Incident, 'id' | 'title' | 'severity'>[]; status?: IncidentStatus; message?: string }): Block {
  const current = input.status ?? (input.incident?.status === 'resolved' ? undefined : input.incident?.status);
  const blocks: Block[] = [];
  if (input.incident) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${input.incident.severity}* ${input.incident.title}`.slice(0, 3000) } });
  } else {
    blocks.push({
      type: 'input',
      block_id: A.incident,
      label: plain('Which incident?'),
      element: { type: 'static_select', action_id: A.incident, options: (input.open ?? []).slice(0, 100).map((i) => option(`${i.severity} ${i.title}`.slice(0, 75), i.id)) },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: A.status,
      label: plain('Status'),
      element: { type: 'static_select', action_id: A.status, options: statusOptions, ...(current ? { initial_option: option(current, current) } : {}) },
    },
    { type: 'input', block_id: A.message, label: plain('What changed?'), element: { type: 'plain_text_input', action_id: A.message, multiline: true, max_length: 2900, ...(input.message ? { initial_value: input.message } : {}) } },
  );
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.incidents.update,
    title: plain('Incident update'),
    submit: plain('Post update'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify({ incidentId: input.incident?.id ?? null }),
    blocks,
  };
}

export function resolveModal(incident: Pick<Incident, 'id' | 'title' | 'severity'>): Block {
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.incidents.resolve,
    title: plain('Resolve incident'),
    submit: plain('Resolve'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify({ incidentId: incident.id }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${incident.severity}* ${incident.title}`.slice(0, 3000) } },
      { type: 'input', block_id: A.resolution, label: plain('Resolution summary'), element: { type: 'plain_text_input', action_id: A.resolution, multiline: true, max_length: 2900, placeholder: plain('What was wrong, what fixed it') } },
    ],
  };
}
