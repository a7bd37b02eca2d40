import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A secret comes from VAR, or from the file named by VAR_FILE (Kubernetes secret volumes). */
function secretFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const direct = env[name];
  if (direct) return direct;
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8').trim();
  return undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  INFRA_CONFIG: z.string().default('config/infra.yaml'),
  DATABASE_URL: z.string().optional(),
  SLACK_API_URL: z.url().optional(),
  PAGERDUTY_EVENTS_URL: z.url().default('https://events.pagerduty.com'),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  PUBLIC_URL: z.url().optional(),
  REPLICA_ID: z.string().optional(),
  /** Address to listen on: local mode defaults to 127.0.0.1 (the sandbox lets anyone act as anyone), else all interfaces. */
  HOST: z.string().optional(),
  /** How long a SIGTERM drain may take before the process exits anyway; under the pod's 30 s grace. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
});

export interface Env {
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
  infraConfigPath: string;
  databaseUrl: string | undefined;
  slackApiUrl: string | undefined;
  pagerdutyEventsUrl: string;
  githubApiUrl: string;
  publicUrl: string | undefined;
  replicaId: string | undefined;
  /** Address the HTTP server binds to. */
  host: string;
  /** The longest a SIGTERM/SIGINT drain takes before the process exits. */
  shutdownGraceMs: number;
  /** local: the built-in emulator; http: Slack's Events API over HTTP; socket: Socket Mode. */
  slackMode: 'local' | 'http' | 'socket';
  secrets: {
    slackBotToken?: string;
    slackSigningSecret?: string;
    slackAppToken?: string;
    pagerdutyWebhookSecrets: string[];
    githubToken?: string;
    githubWebhookSecret?: string;
  };
  /** Every secret value, so the logger can scrub them wherever they appear. */
  secretValues: string[];
  /**
   * Reads a PagerDuty routing key from the env var a subproject names (`pagerduty.routingKeyEnv`,
   * or the file named by `<NAME>_FILE`); the names live in infra.yaml, so they are read on demand.
   */
  routingKeyFrom(name: string): string | undefined;
  /** A capability's own setting (empty counts as unset). */
  value(name: string): string | undefined;
  /** A capability's own secret, from NAME or the file named by NAME_FILE (empty counts as unset). */
  secret(name: string): string | undefined;
}

/** What a capability may read from the environment. */
export type PlatformEnv = Env;

export class EnvError extends Error {}

/**
 * An empty variable counts as unset: Kubernetes manifests and shells often set `SLACK_API_URL=""`,
 * and that must mean "the default", not "an invalid URL".
 */
export function withoutEmpty(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

export function readEnv(raw: NodeJS.ProcessEnv): Env {
  const env = withoutEmpty(raw);
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  let secrets: Env['secrets'] = { pagerdutyWebhookSecrets: [] };
  try {
    secrets = {
      slackBotToken: secretFrom(env, 'SLACK_BOT_TOKEN'),
      slackSigningSecret: secretFrom(env, 'SLACK_SIGNING_SECRET'),
      slackAppToken: secretFrom(env, 'SLACK_APP_TOKEN'),
      // Comma-separated during secret rotation: both old and new are accepted.
      pagerdutyWebhookSecrets: (secretFrom(env, 'PAGERDUTY_WEBHOOK_SECRET') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      githubToken: secretFrom(env, 'GITHUB_TOKEN'),
      githubWebhookSecret: secretFrom(env, 'GITHUB_WEBHOOK_SECRET'),
    };
  } catch (err) {
    problems.push(`cannot read a secret file: ${(err as Error).message}`);
  }
  const slackMode = !secrets.slackBotToken ? 'local' : secrets.slackAppToken ? 'socket' : 'http';
  if (slackMode === 'http' && !secrets.slackSigningSecret) {
    problems.push('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (HTTP mode); Slack shows it under Basic Information → App Credentials');
  }
  if (slackMode === 'socket' && !secrets.slackAppToken?.startsWith('xapp-')) {
    problems.push('SLACK_APP_TOKEN: must be an app-level token starting with xapp- (Socket Mode)');
  }
  if (problems.length > 0 || !parsed.success) throw new EnvError(`invalid environment:\n  ${problems.join('\n  ')}`);
  const e = parsed.data;
  const secretValues = [secrets.slackBotToken, secrets.slackSigningSecret, secrets.slackAppToken, secrets.githubToken, secrets.githubWebhookSecret, ...secrets.pagerdutyWebhookSecrets,
    // The contact directory's keys, whole and each one, so none reaches a log line.
    ...contactKeyPieces(routingKeyReader(env)('CONTACTS_KEY')),
  ].filter(
    (s): s is string => typeof s === 'string' && s.length >= 6,
  );
  const capabilitySecret = routingKeyReader(env);
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    infraConfigPath: e.INFRA_CONFIG,
    databaseUrl: e.DATABASE_URL,
    slackApiUrl: e.SLACK_API_URL,
    pagerdutyEventsUrl: e.PAGERDUTY_EVENTS_URL,
    githubApiUrl: e.GITHUB_API_URL,
    publicUrl: e.PUBLIC_URL,
    replicaId: e.REPLICA_ID,
    host: e.HOST ?? (slackMode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    slackMode,
    secrets,
    secretValues,
    routingKeyFrom: routingKeyReader(env),
    value: (name) => env[name],
    // A capability's secret joins the values the logger scrubs as soon as it is read.
    secret: (name) => {
      const value = capabilitySecret(name);
      if (value !== undefined && value.length >= 6 && !secretValues.includes(value)) secretValues.push(value);
      return value;
    },
  };
}

/** `id:key,id:key` as one secret and as its keys: any of them could end up in a message. */
function contactKeyPieces(raw: string | undefined): string[] {
  if (!raw) return [];
  const entries = raw.split(/[,\n]/).map((e) => e.trim()).filter(Boolean);
  return [raw, ...entries, ...entries.map((e) => e.slice(e.indexOf(':') + 1))];
}

/** The routing keys named by the config, read from the environment `readEnv` was given. */
export function routingKeyReader(env: NodeJS.ProcessEnv): (name: string) => string | undefined {
  return (name) => {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) return undefined;
    try {
      return secretFrom(env, name);
    } catch {
      return undefined;
    }
  };
}
