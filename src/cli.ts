/** `k8s-infra-bot check-config FILE`: validates a config file, every error as file:line: path: message. */
import { loadConfigFile, formatConfigError } from './platform/config/load-config.ts';

export function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  if (command === 'check-config') {
    const file = rest[0] ?? 'config/infra.yaml';
    const result = loadConfigFile(file);
    if (result.ok) {
      const c = result.config;
      out(`${file}: ok (${c.people.length} people, ${c.services.length} services, ${c.subprojects.length} subprojects, ${c.rotations.length} rotations, ${c.escalationPolicies.length} escalation policies)\n`);
      return 0;
    }
    for (const e of result.errors) err(`${formatConfigError(e)}\n`);
    err(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  err('usage: k8s-infra-bot check-config FILE\n');
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)));
}
