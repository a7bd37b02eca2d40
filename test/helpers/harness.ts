import type { CapabilityModule } from '../../src/platform/capability.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { FakeGithub, signGithubWebhook } from '../integrations/github/fake-github.ts';
import { startFakeGoogleApi, type FakeGoogleApi } from '../integrations/gcp/helpers/fake-google-api.ts';
import { startFakePagerDuty, type FakePagerDuty } from '../integrations/pagerduty/fake-pagerduty.ts';
import { startFakeDnsServer, type FakeDnsRecords, type FakeDnsServer } from '../status/helpers/fake-dns-server.ts';
import { startE2E, type E2E, type E2EOptions } from './start-e2e.ts';

export const GITHUB_TOKEN = 'ghp-test-token-0123456789';
export const GITHUB_WEBHOOK_SECRET = 'github-webhook-secret-0123456789';
export const PAGERDUTY_WEBHOOK_SECRET = 'pd-webhook-secret-0123456789';

/** The fakes a harness started, for options that need their addresses. */
export interface Fakes {
  github?: FakeGithub;
  pagerduty?: FakePagerDuty;
  google?: FakeGoogleApi;
  dns?: FakeDnsServer;
}

export interface HarnessOptions extends Omit<E2EOptions, 'capabilities' | 'config'> {
  /** The capabilities to start, in list order (default: all of CAPABILITIES); a function gets the started fakes. */
  capabilities?: readonly CapabilityModule[] | ((fakes: Fakes) => readonly CapabilityModule[]);
  /** The config (default: config/infra.yaml as tests use it); a function gets the started fakes (a probe's DNS server). */
  config?: InfraConfig | ((fakes: Fakes) => InfraConfig);
  /** A local GitHub (GITHUB_API_URL, GITHUB_TOKEN, GITHUB_WEBHOOK_SECRET point at it), seeded with these repositories. */
  github?: boolean | { repos?: Record<string, Record<string, string>>; login?: string };
  /** A local PagerDuty Events API (PAGERDUTY_EVENTS_URL, PAGERDUTY_WEBHOOK_SECRET). */
  pagerduty?: boolean;
  /** A local Google REST API (status probes and audit sinks take its port through their module options). */
  google?: boolean;
  /** A local DNS server answering these records (its address goes into the test's probe config). */
  dns?: FakeDnsRecords;
  /** Stop the bot's job runner after start: jobs run only when the test calls `drain()`. */
  manualJobs?: boolean;
}

export interface Harness extends E2E {
  github?: FakeGithub;
  pagerduty?: FakePagerDuty;
  google?: FakeGoogleApi;
  dns?: FakeDnsServer;
  /** Runs due jobs until none are left (jobs enqueue more jobs). */
  drain(): Promise<void>;
  /** A signed `POST /webhooks/github` delivery, as GitHub sends it. */
  githubWebhook(event: string, payload: unknown): Promise<Response>;
}

/**
 * The one end-to-end rig: the Slack emulator, the real bot in HTTP mode with the capabilities a
 * test names, and whichever local fakes it asks for (GitHub, PagerDuty, Google, DNS), all wired
 * through the environment the way production is.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const github = options.github ? await FakeGithub.start({ token: GITHUB_TOKEN, ...(typeof options.github === 'object' && options.github.login ? { login: options.github.login } : {}) }) : undefined;
  if (github && typeof options.github === 'object') for (const [name, files] of Object.entries(options.github.repos ?? {})) github.addRepo(name, files);
  const pagerduty = options.pagerduty ? await startFakePagerDuty() : undefined;
  const google = options.google ? await startFakeGoogleApi() : undefined;
  const dns = options.dns ? await startFakeDnsServer(options.dns) : undefined;
  const env: Record<string, string> = {
    ...(github ? { GITHUB_API_URL: github.url, GITHUB_TOKEN, GITHUB_WEBHOOK_SECRET } : {}),
    ...(pagerduty ? { PAGERDUTY_EVENTS_URL: pagerduty.url, PAGERDUTY_WEBHOOK_SECRET } : {}),
    ...options.env,
  };
  const fakes: Fakes = { ...(github ? { github } : {}), ...(pagerduty ? { pagerduty } : {}), ...(google ? { google } : {}), ...(dns ? { dns } : {}) };
  const { capabilities: capabilitiesOption, config: configOption, ...rest } = options;
  const capabilities = typeof capabilitiesOption === 'function' ? capabilitiesOption(fakes) : capabilitiesOption;
  const config = typeof configOption === 'function' ? configOption(fakes) : configOption;
  const e2e = await startE2E({ ...rest, env, ...(capabilities ? { capabilities } : {}), ...(config ? { config } : {}) });
  if (options.manualJobs) await e2e.bot.jobRunner.stop();
  return {
    ...e2e,
    ...(github ? { github } : {}),
    ...(pagerduty ? { pagerduty } : {}),
    ...(google ? { google } : {}),
    ...(dns ? { dns } : {}),
    async drain() {
      for (let i = 0; i < 50; i++) {
        if ((await e2e.bot.jobRunner.runDue()) > 0) continue;
        await new Promise((r) => setTimeout(r, 30));
        if ((await e2e.bot.jobRunner.runDue()) === 0) return;
      }
    },
    githubWebhook(event, payload) {
      const body = JSON.stringify(payload);
      return fetch(`${e2e.bot.url}/webhooks/github`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-hub-signature-256': signGithubWebhook(GITHUB_WEBHOOK_SECRET, body) },
      });
    },
    async stop() {
      await e2e.stop();
      await Promise.all([github?.close(), pagerduty?.close(), google?.close(), dns?.close()]);
    },
  };
}
