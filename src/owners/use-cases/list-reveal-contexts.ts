import type { PagingApi } from '../../escalation/api.ts';
import type { OpenIncident } from '../../incidents/api.ts';
import type { RevealContext } from '../domain/contact-policy.ts';

type OpenPage = Awaited<ReturnType<PagingApi['openPages']>>[number];

export interface ListRevealContextsDeps {
  /** Undefined when the bot runs without paging (or incidents). */
  openPages?: () => Promise<readonly OpenPage[]>;
  openIncidents?: () => Promise<readonly OpenIncident[]>;
  ownersOf(subprojectId: string): readonly string[];
  subprojectOfService(serviceId: string): string | undefined;
  personOfSlack(slackId: string): string | undefined;
}

/**
 * The open pages and incidents, as the reveal rule sees them. A page involves the people it
 * notified, who acknowledged it and the owners of its subproject; its responders are the people
 * it notified and who acknowledged it. An incident involves its commander and the owners of the
 * subprojects of its services; its commander responds. Leads respond to both (the rule says so).
 */
export async function listRevealContexts(deps: ListRevealContextsDeps): Promise<RevealContext[]> {
  const [pages, incidents] = await Promise.all([deps.openPages?.() ?? [], deps.openIncidents?.() ?? []]);
  const out: RevealContext[] = [];
  for (const p of pages) {
    const notified = [...new Set([...p.notifications.map((n) => n.personId), ...(p.acknowledgedBy && p.acknowledgedVia !== 'pagerduty' ? [p.acknowledgedBy] : [])])];
    out.push({ kind: 'page', id: p.id, label: `page ${p.id} (${p.subprojectId})`, involved: [...new Set([...notified, ...deps.ownersOf(p.subprojectId)])], responders: notified });
  }
  for (const i of incidents) {
    const commander = deps.personOfSlack(i.commanderSlackId);
    const owners = i.services.flatMap((s) => {
      const sub = deps.subprojectOfService(s);
      return sub ? deps.ownersOf(sub) : [];
    });
    out.push({ kind: 'incident', id: i.id, label: i.id, involved: [...new Set([...(commander ? [commander] : []), ...owners])], responders: commander ? [commander] : [] });
  }
  return out;
}
