import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric the bot exports, on one registry (tests get their own). */
export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'k8s_infra_bot_commands_total',
    help: 'Slash commands handled, by subcommand and outcome',
    labelNames: ['subcommand', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandAck = new Histogram({
    name: 'k8s_infra_bot_command_ack_seconds',
    help: 'Time from receiving a slash command to acknowledging it',
    labelNames: ['subcommand'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'k8s_infra_bot_command_duration_seconds',
    help: 'Time to finish handling a slash command, including work after the ack',
    labelNames: ['subcommand'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly interactions = new Counter({
    name: 'k8s_infra_bot_interactions_total',
    help: 'Button clicks, modal submissions and events handled',
    labelNames: ['type', 'id', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly slackApiErrors = new Counter({
    name: 'k8s_infra_bot_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by method and error',
    labelNames: ['method', 'error'] as const,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'k8s_infra_bot_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'k8s_infra_bot_' });
  }
}
