import type { CapabilityModule } from '../platform/capability.ts';
import { contactCommand } from '../handlers/owners/contact-command.ts';
import { ownersCommand } from '../handlers/owners/owners-command.ts';
import { registerContactSubmission } from '../handlers/owners/contact-submission.ts';
import { registerRevealActions } from '../handlers/owners/reveal-actions.ts';
import { importContactsCommand, reencryptContactsCommand } from './cli/contact-cli.ts';
import { ownersConfig } from './config.ts';
import { contactDirectory } from './contact-directory.ts';
import { OWNERS_IDS } from './ids.ts';
import { tellPersonJob } from './jobs/tell-person.ts';
import * as m0009 from './store/migrations/0009-owners.ts';

/**
 * Owners by the charter: the private contact directory with its break-glass reveal, and the
 * staffing report of the 3-owner and 1/3-company rules.
 */
export function ownersModule(): CapabilityModule<typeof ownersConfig> {
  return {
    name: 'owners',
    config: ownersConfig,
    migrations: { '0009-owners': m0009 },
    ids: OWNERS_IDS,
    cli: [importContactsCommand, reencryptContactsCommand],
    define(platform) {
      const contacts = contactDirectory(platform);
      return {
        commands: [
          {
            name: 'owners',
            usage: 'owners [subproject]',
            summary: 'Staffing report: owners, affiliations, coverage gaps',
            example: '/k8s-infra owners clusters',
            handler: ownersCommand({ config: platform.config, people: platform.people }),
          },
          {
            name: 'contact',
            usage: 'contact [@person]',
            summary: 'Your private contact details (a form); with @person, what you may do to reach them',
            example: '/k8s-infra contact @thockin',
            handler: contactCommand(contacts),
          },
        ],
        listeners: (app) => {
          registerContactSubmission(app, contacts);
          registerRevealActions(app, contacts);
        },
        jobs: [tellPersonJob.bind({ notifier: platform.notifier })],
      };
    },
  };
}

export const owners = ownersModule();
