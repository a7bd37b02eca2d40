import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import { incidentChannelName } from '../domain/channel-name.ts';
import type { Incident } from '../domain/incident.ts';
import type { IncidentDirectory } from '../incident-directory.ts';
import type { IncidentChannels } from '../ports/incident-channels.ts';
import type { IncidentPager } from '../ports/incident-pager.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { declaredAnnouncement, summaryMessage } from '../views/incident-messages.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export interface SetUpIncidentDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'record' | 'byChannel'>;
  channels: Pick<IncidentChannels, 'create' | 'findOwn' | 'invite' | 'pin'>;
  pager: Pick<IncidentPager, 'page'>;
  /** Keyed posts: the pinned summary and the announcement. */
  deliveries: Pick<Notifier, 'post'>;
  directory: Pick<IncidentDirectory, 'view' | 'subprojectsOf'>;
  /** The announcements channel's name. */
  announcements: string;
  clock: Clock;
}

/** `…-2`, `…-3`: a name in use (an old incident's archived channel) takes the next suffix. */
const CHANNEL_NAME_ATTEMPTS = 50;

/**
 * Channel, invitations, pages, pinned summary, announcement. Every step records what it did, and
 * each post is keyed, so the job retried after a lost answer or a crash (`attempt` > 1) resumes
 * where it stopped and finds what Slack already has instead of doing it twice.
 */
export async function setUpIncident(deps: SetUpIncidentDeps, incidentId: string, attempt = 1): Promise<void> {
  let incident = await deps.incidents.get(incidentId);
  if (!incident) return;
  const now = deps.clock.now();
  const retry = attempt > 1;

  let channelId = incident.channelId;
  if (!channelId) {
    const { id, name } = await createChannel(deps, incident);
    await deps.incidents.record(incidentId, { links: { channelId: id, channelName: name }, entry: { at: now, kind: 'channel', actor: 'system', text: `Channel <#${id}> created` }, dedupKey: 'channel' });
    incident = { ...incident, channelId: id, channelName: name };
    channelId = id;
  }

  const invite = new Set([incident.commander, incident.declarer]);
  const subprojects = deps.directory.subprojectsOf(incident);
  if (incident.page && subprojects.length > 0) {
    const pages = { ...incident.pages };
    for (const subprojectId of subprojects) {
      const r = await deps.pager.page({
        subprojectId,
        severity: incident.severity,
        summary: `${incident.severity} incident: ${incident.title}`,
        details: `${incident.description}\nIncident channel: #${incident.channelName}`.trim(),
        by: incident.declarer,
        key: `incident:${incidentId}:${subprojectId}`,
      });
      for (const u of r.notified) invite.add(u);
      if (pages[subprojectId]) continue;
      pages[subprojectId] = r.pageId;
      const who = r.notified.length ? ` (${r.notified.map((u) => `<@${u}>`).join(', ')})` : '';
      await deps.incidents.record(incidentId, { links: { pages }, entry: { at: now, kind: 'page', actor: 'system', text: `Paged the ${subprojectId} on-call${who}` }, dedupKey: `page:${subprojectId}` });
    }
    incident = { ...incident, pages };
  }
  await deps.channels.invite(channelId, [...invite]);

  if (!incident.summaryTs) {
    const summary = summaryMessage(incident, await deps.incidents.timeline(incidentId), deps.directory.view);
    const posted = await deps.deliveries.post(channelId, summary, { key: `incident-summary:${incidentId}`, checkFirst: retry });
    await deps.incidents.record(incidentId, { links: { summaryTs: posted.ts } });
    await deps.channels.pin(channelId, posted.ts);
  }
  await deps.deliveries.post(deps.announcements, declaredAnnouncement(incident, deps.directory.view), { key: `incident-announced:${incidentId}`, checkFirst: retry });
  await refreshSummary(deps, incidentId);
}

async function createChannel(deps: Pick<SetUpIncidentDeps, 'channels' | 'incidents'>, incident: Incident): Promise<{ id: string; name: string }> {
  for (let attempt = 1; attempt <= CHANNEL_NAME_ATTEMPTS; attempt++) {
    const name = incidentChannelName(incident.title, incident.declaredAt, attempt);
    const created = await deps.channels.create(name);
    if (created !== 'name-taken') return { id: created.id, name };
    // An earlier try may have created it and lost the answer: a channel the bot made that no
    // incident uses is this incident's, not a reason to open a second one.
    const own = await deps.channels.findOwn(name);
    if (own && !(await deps.incidents.byChannel(own.id))) return { id: own.id, name };
  }
  throw new Error(`no free channel name for ${incident.title}`);
}
