import { ACCESS_API } from '../access/api.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import { contactCommand } from '../handlers/owners/contact-command.ts';
import { registerContactSubmission } from '../handlers/owners/contact-submission.ts';
import { registerNominationActions } from '../handlers/owners/nomination-actions.ts';
import { ownersCommand } from '../handlers/owners/owners-command.ts';
import { registerRevealActions } from '../handlers/owners/reveal-actions.ts';
import { createGithubClient } from '../integrations/github/create-github-client.ts';
import { ROTA_API } from '../rota/api.ts';
import { githubOwners } from './adapters/github-owners.ts';
import { importContactsCommand, reencryptContactsCommand } from './cli/contact-cli.ts';
import { ownersConfig } from './config.ts';
import { contactDirectory } from './contact-directory.ts';
import { OWNERS_IDS } from './ids.ts';
import { applyOffboardingJob } from './jobs/apply-offboarding.ts';
import { concludeNominationJob } from './jobs/conclude-nomination.ts';
import { fileNominationIssueJob } from './jobs/file-nomination-issue.ts';
import { issueCommentJob } from './jobs/issue-comment.ts';
import { tellPersonJob } from './jobs/tell-person.ts';
import { nextStaffingSlot, staffingCheckRequest, weeklyStaffingCheckJob } from './jobs/weekly-staffing-check.ts';
import type { NominationDeps } from './ports/nomination-deps.ts';
import { homeNominations } from './use-cases/home-nominations.ts';
import { staffingReports } from './use-cases/staffing-report.ts';
import { homeNominationsBlocks } from './views/home-nominations.ts';
import { ownersMessage } from './views/owners-report.ts';
import * as m0009 from './store/migrations/0009-owners.ts';
import type { OwnersTables } from './store/tables.ts';

export interface OwnersModuleOptions {
  /** No GitHub call waits longer than this. */
  githubTimeoutMs?: number;
}

/**
 * Owners by the charter: the private contact directory with its break-glass reveal, the
 * staffing report of the 3-owner and 1/3-company rules, and nominating and offboarding owners.
 */
export function ownersModule(options: OwnersModuleOptions = {}): CapabilityModule<typeof ownersConfig> {
  return {
    name: 'owners',
    config: ownersConfig,
    migrations: { '0009-owners': m0009 },
    ids: OWNERS_IDS,
    cli: [importContactsCommand, reencryptContactsCommand],
    reports: ['staffing'],
    define(platform, settings) {
      const { config, people, env, log } = platform;
      const contacts = contactDirectory(platform);
      const rota = platform.use(ROTA_API);
      if (!env.secrets.githubToken) log.warn('owners: no GITHUB_TOKEN, nominations and offboardings are not filed on GitHub');
      const octokit = env.secrets.githubToken ? createGithubClient({ token: env.secrets.githubToken, baseUrl: env.githubApiUrl, timeoutMs: options.githubTimeoutMs ?? 10_000 }) : undefined;
      const nominations: NominationDeps = {
        settings,
        subprojects: config.subprojects,
        people: config.people,
        leads: config.leads,
        db: platform.db.withTables<OwnersTables>(),
        commit: platform.commit,
        github: octokit ? githubOwners(octokit, settings.repo) : undefined,
        notifier: platform.notifier,
        mention: (id) => people.mention(id),
        groupEdit: (group, change) => platform.use(ACCESS_API)().membershipEdit(group, change),
        // Only subprojects with rotations book shadows, and those need the rota running.
        shadows: { book: (booking) => rota().bookShadow(booking) },
        home: platform.home,
      };
      return {
        commands: [
          {
            name: 'owners',
            usage: 'owners [subproject] | owners nominate @person <subproject> | owners offboard @person <subproject> [confirm]',
            summary: 'Staffing report (owners, affiliations, coverage gaps); nominate or offboard an owner',
            example: '/k8s-infra owners nominate @upodroid dns',
            handler: ownersCommand({ config, people, nominations }),
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
          registerNominationActions(app, { nominations, people, clock: platform.clock, home: platform.home });
        },
        jobs: [
          tellPersonJob.bind({ notifier: platform.notifier }),
          fileNominationIssueJob.bind(nominations),
          concludeNominationJob.bind(nominations),
          issueCommentJob.bind(nominations),
          applyOffboardingJob.bind(nominations),
          weeklyStaffingCheckJob.bind({ config, db: nominations.db, notifier: platform.notifier, channel: settings.staffingChannel, jobs: platform.jobs }),
        ],
        onReady: async (now) => {
          await platform.jobs.enqueue(staffingCheckRequest(nextStaffingSlot(now)));
        },
        home: {
          title: 'Nominations',
          seeMore: 'owners',
          blocks: async (viewer, now) => {
            const view = await homeNominations(nominations, viewer, now);
            return view ? homeNominationsBlocks(view) : undefined;
          },
        },
        reports: {
          staffing: async (ctx) => ownersMessage(staffingReports({ config }, { subprojectIds: config.subprojects.map((s) => s.id), now: ctx.now }), (id) => people.mention(id)),
        },
      };
    },
  };
}

export const owners = ownersModule();
