import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { closestMatch } from '../../core/closest-match.ts';
import type { Clock } from '../../core/clock.ts';
import type { Metrics } from '../http/metrics.ts';
import { errorReply, helpReply, notYetAvailableReply, unknownSubcommandReply } from './help-view.ts';
import type { SubcommandInfo } from './command-catalog.ts';
import { parseCommand } from './parse-command.ts';
import { isDatabaseUnavailable } from '../store/database-unavailable.ts';

export type Reply = string | RespondArguments;

export interface CommandContext {
  /** Words after the subcommand. */
  args: string[];
  /** Text after the subcommand, as typed. */
  rest: string;
  command: SlashCommand;
  userId: string;
  channelId: string;
  triggerId: string;
  client: WebClient;
  now: Date;
  /**
   * Acknowledge with an optional reply (shown only to the user unless `response_type: in_channel`).
   * After the ack (or when the router has acked on the handler's behalf) it answers via response_url.
   */
  reply(reply: Reply): Promise<void>;
  /** Acknowledge now with nothing visible, before slow work or before opening a modal. */
  ack(): Promise<void>;
  log: Logger;
}

export type SubcommandHandler = (ctx: CommandContext) => Promise<void>;

/** Users see this, not a stack trace: a handler that throws one shows its message as is. */
export class UserFacingError extends Error {}

export interface RouterDeps {
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  /** Refuses commands with a clear message while the database is not ready. */
  isReady: () => boolean;
}

/** Slack waits 3 s; acknowledging at 2 s on the handler's behalf keeps a slow handler from timing out. */
const SAFETY_ACK_MS = 2000;

export class CommandRouter {
  private readonly handlers = new Map<string, SubcommandHandler>();
  constructor(
    private readonly deps: RouterDeps,
    private readonly catalog: readonly SubcommandInfo[],
  ) {}

  /** What a subcommand's failure means for the person when the database is down ("your page was NOT raised"). */
  private readonly unavailableHints = new Map<string, string>();

  on(name: string, handler: SubcommandHandler, whenUnavailable?: string): void {
    if (whenUnavailable) this.unavailableHints.set(name, whenUnavailable);
    if (!this.catalog.some((s) => s.name === name)) throw new Error(`subcommand ${name} is not in the catalog`);
    this.handlers.set(name, handler);
    this.helpCache = undefined;
  }

  available(): Set<string> {
    return new Set(['help', ...this.handlers.keys()]);
  }

  private helpCache: Reply | undefined;
  /** Help is the same for everyone until a handler is added, and it is the most common command. */
  private help(): Reply {
    this.helpCache ??= helpReply(this.catalog, this.available());
    return this.helpCache;
  }

  register(app: App, commandName = '/k8s-infra'): void {
    app.command(commandName, async ({ command, ack, respond, client }) => {
      await this.dispatch(command, ack, respond, client);
    });
  }

  private resolve(name: string): SubcommandInfo | undefined {
    return this.catalog.find((s) => s.name === name || s.aliases?.includes(name));
  }

  async dispatch(
    command: SlashCommand,
    ack: (r?: Reply) => Promise<void>,
    respond: (r: Reply) => Promise<unknown>,
    client: WebClient,
  ): Promise<void> {
    const started = performance.now();
    const parsed = parseCommand(command.text ?? '');
    const info = parsed.name === '' ? this.resolve('help') : this.resolve(parsed.name);
    const label = info?.name ?? 'unknown';
    let acked = false;
    let childLog: Logger | undefined;
    const log = () => (childLog ??= this.deps.log.child({ subcommand: label, user: command.user_id }));
    const doAck = async (r?: Reply) => {
      if (acked) return;
      acked = true;
      this.deps.metrics.commandAck.observe({ subcommand: label }, (performance.now() - started) / 1000);
      await ack(r);
    };
    const reply = async (r: Reply) => {
      if (!acked) return doAck(typeof r === 'string' ? { response_type: 'ephemeral', text: r } : r);
      await respond(typeof r === 'string' ? { response_type: 'ephemeral', text: r } : r);
    };
    const safety = setTimeout(() => void doAck().catch(() => undefined), SAFETY_ACK_MS);
    let outcome = 'ok';
    try {
      if (!info) {
        outcome = 'unknown';
        const names = this.catalog.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
        await reply(unknownSubcommandReply(parsed.name, closestMatch(parsed.name, names), this.catalog));
      } else if (info.name === 'help') {
        await reply(this.help());
      } else if (!this.deps.isReady()) {
        outcome = 'not_ready';
        await reply(errorReply('The bot is starting up or its database is unreachable; try again in a minute.'));
      } else {
        const handler = this.handlers.get(info.name);
        if (!handler) {
          outcome = 'not_available';
          await reply(notYetAvailableReply(info.name));
        } else {
          await handler({
            args: parsed.args,
            rest: parsed.rest,
            command,
            userId: command.user_id,
            channelId: command.channel_id,
            triggerId: command.trigger_id,
            client,
            now: this.deps.clock.now(),
            reply,
            ack: () => doAck(),
            log: log(),
          });
        }
      }
    } catch (err) {
      outcome = 'error';
      const userFacing = err instanceof UserFacingError;
      const unavailable = !userFacing && isDatabaseUnavailable(err);
      if (unavailable) {
        outcome = 'database_unavailable';
        log().warn({ err: err instanceof Error ? err.message : String(err) }, 'subcommand failed: database unreachable');
      } else if (!userFacing) log().error({ err }, 'subcommand failed');
      const hint = this.unavailableHints.get(label);
      const message = userFacing
        ? err.message
        : unavailable
          ? `The bot cannot reach its database right now, so \`/k8s-infra ${label}\` did nothing.${hint ? ` ${hint}` : ''} Try again in a minute.`
          : `Something went wrong running \`/k8s-infra ${label}\`. The error was logged; please try again or tell #wg-k8s-infra.`;
      await reply(errorReply(message)).catch((e: unknown) => log().error({ err: e }, 'could not report an error to the user'));
    } finally {
      clearTimeout(safety);
      if (!acked) await doAck().catch(() => undefined);
      this.deps.metrics.commands.inc({ subcommand: label, outcome });
      this.deps.metrics.commandDuration.observe({ subcommand: label }, (performance.now() - started) / 1000);
    }
  }
}
