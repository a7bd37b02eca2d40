/**
 * `k8s-infra-bot check-config FILE` validates a config file (every error as file:line: path:
 * message, warnings too, and what a capability has to say about a valid one); every other
 * command comes from a capability (`CapabilityModule.cli`).
 */
import { systemClock } from './core/clock.ts';
import type { CliCommand } from './platform/capability.ts';
import { CAPABILITIES } from './platform/capabilities.ts';
import { readEnv, EnvError } from './platform/config/env.ts';
import { loadConfigFile, formatConfigError } from './platform/config/load-config.ts';
import { collectMigrations } from './platform/store/migrations.ts';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from './platform/store/open-database.ts';

type Write = (s: string) => void;

function checkConfig(file: string, out: Write, err: Write): number {
  const result = loadConfigFile(file);
  if (!result.ok) {
    for (const e of result.errors) err(`${formatConfigError(e)}\n`);
    err(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  for (const w of result.warnings) err(`${formatConfigError({ ...w, message: `warning: ${w.message}` })}\n`);
  const c = result.config;
  out(`${file}: ok (${c.people.length} people, ${c.services.length} services, ${c.subprojects.length} subprojects, ${c.rotations.length} rotations, ${c.escalationPolicies.length} escalation policies)\n`);
  for (const note of result.notes) out(`\n${note.endsWith('\n') ? note : `${note}\n`}`);
  return 0;
}

function usage(commands: readonly CliCommand[]): string {
  const lines = ['usage: k8s-infra-bot <command> …', '  check-config [FILE]   validate an infra.yaml (default config/infra.yaml)'];
  for (const c of commands) lines.push(`  ${c.usage.padEnd(21)} ${c.summary}`);
  return `${lines.join('\n')}\n`;
}

export async function runCli(argv: readonly string[], out: Write, err: Write, environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const commands = CAPABILITIES.flatMap((m) => m.cli ?? []);
  if (command === 'check-config') return checkConfig(rest[0] ?? 'config/infra.yaml', out, err);
  const found = commands.find((c) => c.name === command);
  if (!found) {
    err(usage(commands));
    return 2;
  }
  let env;
  try {
    env = readEnv(environment);
  } catch (e) {
    if (e instanceof EnvError) {
      err(`k8s-infra-bot: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const loaded = loadConfigFile(env.infraConfigPath);
  if (!loaded.ok) {
    for (const e of loaded.errors) err(`${formatConfigError(e)}\n`);
    return 1;
  }
  return found.run(rest, {
    config: loaded.config,
    env,
    clock: systemClock,
    out,
    err,
    openStore: async () => {
      const store = await openDatabase(parseDatabaseUrl(env.databaseUrl));
      await migrateToLatest(store, collectMigrations(CAPABILITIES));
      return { db: store.db, dialect: store.dialect, close: () => store.close() };
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => process.exit(code));
}
