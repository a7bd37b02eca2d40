import type { InputBlock, KnownBlock, ModalView, MultiStaticSelect, PlainTextOption, RadioButtons, UsersSelect } from '@slack/types';
import { z } from 'zod';
import { escapeInline } from '../../core/mrkdwn.ts';
import { context, input, modal, option, plain, section, SLACK_LIMITS, staticSelect, textInput } from '../../platform/slack/blocks.ts';
import { writeMetadata } from '../../platform/slack/private-metadata.ts';
import { SEVERITIES, SEVERITY_INFO, STATUSES, type Incident, type IncidentStatus, type Severity } from '../domain/incident.ts';
import { fitField, formatCount, INCIDENT_TEXT_LIMITS as LIMITS } from '../domain/user-text.ts';
import { INCIDENT_BLOCKS as B, INCIDENTS_IDS } from '../ids.ts';

const A = INCIDENTS_IDS.actions;
const C = INCIDENTS_IDS.callbacks;

/** The declare form remembers where it was opened, to answer there if declaring fails. */
export const declareMetadata = z.object({ channelId: z.string().nullable() });
/** The update form names its incident, or `null` when it asks which one. */
export const updateMetadata = z.object({ incidentId: z.string().nullable() });
export const resolveMetadata = z.object({ incidentId: z.string() });

export interface ServiceChoice {
  id: string;
  name: string;
  /** Set for services the group does not run (routed to their SIG). */
  ownedBy?: string;
}

// Descriptions are cut where Slack's limit is, without an ellipsis, as they always were.
const severityOption = (s: Severity) => option(SEVERITY_INFO[s].label, s, SEVERITY_INFO[s].description.slice(0, SLACK_LIMITS.optionDescription));
const PAGE_AUTO = option('As the severity says (SEV1 and SEV2 page)', 'auto');

export function declareModal(request: { declarer: string; services: ServiceChoice[]; channelId?: string }): ModalView {
  const inScope = request.services.filter((s) => !s.ownedBy);
  const outOfScope = request.services.filter((s) => s.ownedBy);
  const group = (label: string, list: ServiceChoice[]) => ({
    label: plain(label),
    options: list.slice(0, SLACK_LIMITS.selectOptions).map((s) => option(s.ownedBy ? `${s.name} (${s.ownedBy})` : s.name, s.id)),
  });
  const severity: RadioButtons = { type: 'radio_buttons', action_id: A.severity, initial_option: severityOption('SEV2'), options: SEVERITIES.map(severityOption) };
  const services: MultiStaticSelect = {
    type: 'multi_static_select',
    action_id: A.services,
    placeholder: plain('Pick services'),
    option_groups: [group('Run by k8s-infra', inScope), ...(outOfScope.length ? [group('Owned by other SIGs', outOfScope)] : [])],
  };
  const commander: UsersSelect = { type: 'users_select', action_id: A.commander, initial_user: request.declarer };
  const page: RadioButtons = { type: 'radio_buttons', action_id: A.page, initial_option: PAGE_AUTO, options: [PAGE_AUTO, option('Yes, page now', 'yes'), option('No', 'no')] };
  return modal({
    callbackId: C.declare,
    title: 'Declare an incident',
    submit: 'Declare',
    privateMetadata: writeMetadata({ channelId: request.channelId ?? null }),
    blocks: [
      input({ blockId: B.title, label: 'Title', element: textInput({ actionId: A.title, maxLength: LIMITS.title, placeholder: 'registry.k8s.io pulls failing in EU' }) }),
      input({ blockId: B.severity, label: 'Severity', element: severity }),
      input({ blockId: B.services, label: 'Affected services', optional: true, element: services }),
      input({ blockId: B.commander, label: 'Commander', element: commander }),
      input({ blockId: B.description, label: 'Description', optional: true, element: textInput({ actionId: A.description, multiline: true, maxLength: LIMITS.description }) }),
      input({ blockId: B.page, label: 'Page the on-call?', element: page }),
    ],
  });
}

const STATUS_OPTIONS: PlainTextOption[] = STATUSES.filter((s) => s !== 'resolved').map((s) => option(s, s));

/**
 * Said in a form prefilled with text typed after the command that was longer than the field
 * holds: the field keeps the first part, and the person sees why before posting it.
 */
function clippedNotice(typed: string | undefined, limit: number): KnownBlock[] {
  if (!typed || typed.length <= limit) return [];
  return [context(`:warning: What you typed has ${formatCount(typed.length)} characters; this field holds ${formatCount(limit)}, so it was cut. Check the end before posting, or put the details in the GitHub issue.`)];
}

/** The update form; without an incident (run outside an incident channel) it asks which one first. */
export function updateModal(request: { incident?: Pick<Incident, 'id' | 'title' | 'status' | 'severity'>; open?: Pick<Incident, 'id' | 'title' | 'severity'>[]; status?: IncidentStatus; message?: string }): ModalView {
  const current = request.status ?? (request.incident?.status === 'resolved' ? undefined : request.incident?.status);
  const which: KnownBlock = request.incident
    ? section(`*${request.incident.severity}* ${escapeInline(request.incident.title)}`)
    : input({ blockId: B.incident, label: 'Which incident?', element: staticSelect({ actionId: A.incident, options: (request.open ?? []).map((i) => option(`${i.severity} ${i.title}`, i.id)) }) });
  const status: InputBlock = input({ blockId: B.status, label: 'Status', element: staticSelect({ actionId: A.status, options: STATUS_OPTIONS, ...(current ? { initial: option(current, current) } : {}) }) });
  return modal({
    callbackId: C.update,
    title: 'Incident update',
    submit: 'Post update',
    privateMetadata: writeMetadata({ incidentId: request.incident?.id ?? null }),
    blocks: [
      which,
      status,
      input({ blockId: B.message, label: 'What changed?', element: textInput({ actionId: A.message, multiline: true, maxLength: LIMITS.update, ...(request.message ? { initial: fitField(request.message, LIMITS.update) } : {}) }) }),
      ...clippedNotice(request.message, LIMITS.update),
    ],
  });
}

/** The resolve form; `summary` is what was typed after `incident resolve` when it did not fit. */
export function resolveModal(incident: Pick<Incident, 'id' | 'title' | 'severity'>, summary?: string): ModalView {
  return modal({
    callbackId: C.resolve,
    title: 'Resolve incident',
    submit: 'Resolve',
    privateMetadata: writeMetadata({ incidentId: incident.id }),
    blocks: [
      section(`*${incident.severity}* ${escapeInline(incident.title)}`),
      input({
        blockId: B.resolution,
        label: 'Resolution summary',
        element: textInput({ actionId: A.resolution, multiline: true, maxLength: LIMITS.resolution, placeholder: 'What was wrong, what fixed it', ...(summary ? { initial: fitField(summary, LIMITS.resolution) } : {}) }),
      }),
      ...clippedNotice(summary, LIMITS.resolution),
    ],
  });
}
