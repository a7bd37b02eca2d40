import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import type { PeopleDirectory } from '../platform/config/people-directory.ts';
import type { Person } from '../platform/config/sections/people.ts';
import type { ContactVault } from './ports/contact-vault.ts';
import type { PrepareRevealDeps } from './use-cases/prepare-reveal.ts';
import type { RevealContactDeps } from './use-cases/reveal-contact.ts';
import type { SaveContactDeps } from './use-cases/save-contact.ts';

/** What the contact listeners take: the directory, the people, and the use cases' deps. */
export interface ContactHandlerDeps extends PrepareRevealDeps, RevealContactDeps, SaveContactDeps {
  vault: ContactVault;
  people: Pick<PeopleDirectory, 'bySlackId' | 'person' | 'mention' | 'isLead'>;
  allPeople: readonly Person[];
  /** "/k8s-infra page <subproject>" for the person's subprojects: what to do instead of a reveal. */
  pageHint(personId: string): string;
  clock: Clock;
  log: Pick<Logger, 'warn' | 'error'>;
}
