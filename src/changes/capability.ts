import { changeCommand } from '../handlers/changes/change-command.ts';
import { decisionsCommand } from '../handlers/changes/decisions-command.ts';
import { registerAnnounceForm } from '../handlers/changes/announce-form.ts';
import { registerAuthorActions } from '../handlers/changes/author-actions.ts';
import type { ChangeHandlerDeps } from '../handlers/changes/handler-deps.ts';
import { registerReviewActions } from '../handlers/changes/review-actions.ts';
import { INCIDENTS_API } from '../incidents/api.ts';
import { createGithubClient } from '../integrations/github/create-github-client.ts';
import { GithubChangeTracker } from '../integrations/github/change-issues.ts';
import { GithubPullRequestReader } from '../integrations/github/pull-request-files.ts';
import { createSmtpNoticeMailer } from '../integrations/smtp/smtp-notice-mailer.ts';
import type { CapabilityModule } from '../platform/capability.ts';
import { changeDirectory } from './change-directory.ts';
import { changesConfig } from './config.ts';
import { CHANGES_IDS } from './ids.ts';
import { openWindowJob } from './jobs/open-window.ts';
import { postChangeMessageJob } from './jobs/post-change-message.ts';
import { reachDeadlineJob } from './jobs/reach-deadline.ts';
import { readPullRequestJob } from './jobs/read-pull-request.ts';
import { recordOnGithubJob } from './jobs/record-on-github.ts';
import { refreshChangeMessageJob } from './jobs/refresh-change-message.ts';
import { remindDeadlineJob } from './jobs/remind-deadline.ts';
import { sayJob } from './jobs/say.ts';
import { sendNoticeJob } from './jobs/send-notice.ts';
import * as m0007 from './store/migrations/0007-changes.ts';
import { sqlChangeStore } from './store/sql-change-store.ts';
import { handleGithubEvent } from './use-cases/handle-github-event.ts';
import { homeChanges } from './use-cases/home-changes.ts';
import { homeChangesBlocks } from './views/home-changes.ts';

export interface ChangesOptions {
  /** How long the form waits for GitHub to say a PR exists (default 1500 ms: Slack wants an answer in 3 s). */
  prCheckMs?: number;
  /** Every GitHub request's deadline (default 10 s). */
  githubTimeoutMs?: number;
  /** Every SMTP step's deadline (default 15 s). */
  smtpTimeoutMs?: number;
}

/**
 * Changes by the charter: risk tiers from three questions and a PR's files, the reviews each tier
 * needs, lazy consensus on a GitHub issue to a deadline in working days, the kubernetes-dev@
 * notice, the window, and a linkable decisions log.
 */
export function changesModule(options: ChangesOptions = {}): CapabilityModule<typeof changesConfig> {
  return {
    name: 'changes',
    config: changesConfig,
    migrations: { '0007-changes': m0007 },
    ids: CHANGES_IDS,
    define(platform, section) {
      const { env, log } = platform;
      const octokit = createGithubClient({ ...(env.secrets.githubToken ? { token: env.secrets.githubToken } : {}), baseUrl: env.githubApiUrl, timeoutMs: options.githubTimeoutMs ?? 10_000 });
      const smtpUrl = env.secret('SMTP_URL');
      const mailer = smtpUrl ? createSmtpNoticeMailer({ url: smtpUrl, timeoutMs: options.smtpTimeoutMs ?? 15_000 }) : undefined;
      log.info({ smtpRelay: mailer !== undefined, repo: section.repo }, mailer ? 'changes: kubernetes-dev@ notices go through the SMTP relay' : 'changes: no SMTP_URL, kubernetes-dev@ notices are given to authors to send');
      const incidents = platform.use(INCIDENTS_API);
      const deps: ChangeHandlerDeps = {
        changes: sqlChangeStore(platform.db, platform.commit),
        clock: platform.clock,
        log: log.child({ capability: 'changes' }),
        directory: changeDirectory(platform.config, section),
        notifier: platform.notifier,
        tracker: new GithubChangeTracker(octokit, section.repo),
        pulls: new GithubPullRequestReader(octokit),
        mailer,
        noticeFrom: section.notice.from,
        openIncidents: async () => (await incidents().openIncidents()).map((i) => ({ title: i.title, severity: i.severity, services: i.services })),
        pathRules: section.pathRules,
        labels: section.labels,
        audit: platform.audit,
        prCheckMs: options.prCheckMs ?? 1500,
        pullRequestRepos: section.pullRequestRepos,
      };
      return {
        commands: [
          {
            name: 'change',
            usage: 'change [<PR link>|list]',
            summary: 'Announce a low / medium / high risk change (reviews, lazy consensus, window)',
            example: '/k8s-infra change https://github.com/kubernetes/k8s.io/pull/1234',
            handler: changeCommand(deps),
            whenUnavailable: 'No change was announced or changed.',
          },
          {
            name: 'decisions',
            usage: 'decisions [query]',
            summary: 'The decisions log: decided changes with their issue, PR and mailing-list links',
            example: '/k8s-infra decisions registry',
            handler: decisionsCommand(deps),
          },
        ],
        listeners: (app) => {
          registerAnnounceForm(app, deps);
          registerReviewActions(app, deps);
          registerAuthorActions(app, deps);
        },
        jobs: [
          postChangeMessageJob.bind(deps),
          refreshChangeMessageJob.bind(deps),
          sayJob.bind(deps),
          recordOnGithubJob.bind(deps),
          readPullRequestJob.bind(deps),
          sendNoticeJob.bind(deps),
          remindDeadlineJob.bind(deps),
          reachDeadlineJob.bind(deps),
          openWindowJob.bind(deps),
        ],
        home: {
          title: 'Changes',
          seeMore: 'change list',
          blocks: async (viewer) => homeChangesBlocks(await homeChanges({ changes: deps.changes, rules: deps.directory.rules }, viewer)),
        },
        github: (event, payload) => handleGithubEvent(deps, event, payload),
      };
    },
  };
}

export const changes = changesModule();
