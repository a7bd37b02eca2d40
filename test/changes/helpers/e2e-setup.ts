import type { ManualClock } from '../../../src/core/clock.ts';
import type { InfraConfig } from '../../../src/platform/config/schema.ts';
import type { SlackEmulator } from '../../../src/sandbox/emulator-interface.ts';
import { testConfig } from '../../helpers/test-config.ts';

/**
 * config/infra.yaml as the changes e2e tests use it: the GKE clusters owned by two people a day
 * apart (Auckland and Los Angeles), and Easter 2026 as a quiet period.
 */
export function changesTestConfig(): InfraConfig {
  const config = testConfig();
  config.subprojects = config.subprojects.map((s) => (s.id === 'clusters' ? { ...s, owners: ['hh', 'spiffxp'] } : s));
  config.changes = { ...config.changes, quietPeriods: [...config.changes.quietPeriods, { name: 'Easter 2026', from: '2026-04-03', to: '2026-04-06' }] };
  return config;
}

/** The SIG channels and the reviewers outside `people:` that config/infra.yaml names, in the emulator. */
export function seedSigs(slack: SlackEmulator, config: InfraConfig): void {
  for (const sig of config.changes.sigs) {
    if (sig.channel && !slack.channelByName(sig.channel)) slack.addChannel({ name: sig.channel, members: config.people.map((p) => p.slack) });
    for (const r of sig.reviewers) if (typeof r !== 'string' && !slack.user(r.slack)) slack.addUser({ id: r.slack, name: r.github, real_name: r.github, tz: 'America/Los_Angeles' });
  }
}

/**
 * Runs due jobs, then moves the clock a few seconds at a time so the retries of jobs that waited
 * for another (a thread note before its change's message is posted) run too.
 */
export async function settle(drain: () => Promise<void>, clock: ManualClock): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await drain();
    clock.advance(5_000);
  }
  await drain();
}
