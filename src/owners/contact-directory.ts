import { IANAZone } from 'luxon';
import { PAGING_API } from '../escalation/api.ts';
import { INCIDENTS_API } from '../incidents/api.ts';
import type { Platform } from '../platform/capability.ts';
import { audit, deliverOnce } from '../platform/outbox/effects.ts';
import type { ContactHandlerDeps } from './contact-deps.ts';
import { escapeInline } from '../core/mrkdwn.ts';
import { parseContactKeys } from './contact-keys.ts';
import { tellPersonJob } from './jobs/tell-person.ts';
import { sealedContactVault } from './sealed-contact-vault.ts';
import { ContactStore } from './store/contact-store.ts';
import type { OwnersTables } from './store/tables.ts';
import { listRevealContexts } from './use-cases/list-reveal-contexts.ts';
import type { RecordedReveal } from './use-cases/reveal-contact.ts';
import { revealDmText, revealNoteText } from './views/contact-messages.ts';

/** Another capability's api, or undefined when the bot runs without it (a test with a subset). */
function optional<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

/**
 * The contact directory wired to the platform: the key ring from CONTACTS_KEY, the sealed store,
 * the open pages and incidents a reveal may go through, and how a reveal is written down (the
 * page's or incident's timeline, the audit log, a DM to the person).
 */
export function contactDirectory(platform: Platform): ContactHandlerDeps {
  const { config, people, clock, log } = platform;
  const keys = parseContactKeys(platform.env.secret('CONTACTS_KEY'));
  if (!keys.ok && keys.reason === 'unset') log.warn('contact directory not configured: CONTACTS_KEY / CONTACTS_KEY_FILE unset; /k8s-infra contact will say so');
  if (!keys.ok && keys.reason === 'invalid') log.error(`contact directory disabled: ${keys.message}`);
  const db = platform.db.withTables<OwnersTables>();
  const vault = sealedContactVault(keys.ok ? keys.ring : undefined, new ContactStore(db));
  const paging = platform.use(PAGING_API);
  const incidents = platform.use(INCIDENTS_API);
  const ownersOf = (subprojectId: string) => config.subprojects.find((s) => s.id === subprojectId)?.owners ?? [];
  const openContexts = () =>
    listRevealContexts({
      openPages: () => optional(paging)?.openPages() ?? Promise.resolve([]),
      openIncidents: () => optional(incidents)?.openIncidents() ?? Promise.resolve([]),
      ownersOf,
      subprojectOfService: (id) => config.services.find((s) => s.id === id)?.subproject,
      personOfSlack: (slackId) => people.bySlackId(slackId)?.id,
    });
  const slackOf = (personId: string) => people.person(personId)?.slack;

  async function record(r: RecordedReveal, now: Date): Promise<void> {
    if (r.context) {
      const note = revealNoteText(`@${r.actor}`, `@${r.target}`, r.kinds, r.context.label);
      const written =
        r.context.kind === 'page'
          ? await paging().noteOnTimeline(r.context.id, { key: `reveal:${r.key}`, text: note, actor: r.actor }, now)
          : await incidents().noteOnTimeline(r.context.id, { key: `reveal:${r.key}`, text: note, actorSlackId: slackOf(r.actor) ?? r.actor }, now);
      // Closed between the rule and the note: no timeline to write on, so no reveal.
      if (!written) throw new Error(`${r.context.kind} ${r.context.id} closed before the reveal was recorded`);
    }
    const why = r.context ? `for ${r.context.label}` : `as a lead, stating "${escapeInline(r.reason ?? '')}"`;
    const targetSlack = slackOf(r.target);
    await platform.commit(db, async () => ({
      result: undefined,
      effects: [
        audit({ at: now, actor: r.actor, action: 'owners.contact_revealed', subject: `person:${r.target}`, payload: { kinds: r.kinds, ...(r.context ? { through: `${r.context.kind}:${r.context.id}` } : { reason: r.reason }) } }),
        ...(targetSlack ? [deliverOnce(`owners-reveal:${r.key}`, tellPersonJob.request({ id: '', dueAt: now, payload: { slackId: targetSlack, text: revealDmText(people.mention(r.actor), r.kinds, why) } }))] : []),
      ],
    }));
  }

  return {
    vault,
    people,
    allPeople: config.people,
    clock,
    log,
    openContexts,
    isLead: (id) => people.isLead(id),
    isZone: (zone) => IANAZone.isValidZone(zone),
    record,
    refused: async (r, now) => {
      await platform.audit.record({ at: now, actor: r.actor, action: 'owners.reveal_refused', subject: `person:${r.target}`, payload: { reason: r.reason } });
    },
    saved: async (personId, kinds, now) => {
      await platform.audit.record({ at: now, actor: personId, action: 'owners.contact_saved', subject: `person:${personId}`, payload: { kinds } });
    },
    pageHint: (personId) => {
      const subprojects = config.subprojects.filter((s) => s.owners.includes(personId)).map((s) => `\`/k8s-infra page ${s.id}\``);
      return subprojects.length ? `${subprojects.slice(0, 3).join(' or ')}.` : '`/k8s-infra page <subproject>`.';
    },
  };
}
