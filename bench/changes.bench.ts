/**
 * Changes benchmark: the pure work a change costs the bot.
 * - the lazy-consensus deadline (5 working days, 5 owners in 5 timezones, the year-end quiet
 *   period) at 5,000 random starts of 2026; goal: >= 500 deadlines/s, i.e. <= 2 ms each (the
 *   form computes one inside Slack's 3-second answer, the issue job one per change);
 * - classifying a PR from its files: the path rules on the real restrictions.yaml and
 *   sig-k8s-infra groups.yaml (before and after, YAML 1.1) and the OWNERS of their folders;
 *   goal: <= 25 ms per PR (it runs in the form's 3-second budget after GitHub has answered).
 * Each figure is the best of 7 passes after a warm-up, with the median beside it.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PATH_RULES, changesSettingsSchema } from '../src/changes/config.ts';
import { ownersOf, parseOwnersAliases, parseOwnersFile } from '../src/changes/domain/owners-files.ts';
import { matchPathRules } from '../src/changes/domain/path-rules.ts';
import { lazyConsensusDeadline } from '../src/changes/domain/deadline.ts';

const PASSES = 7;
const STARTS = 5000;
const fixture = (p: string) => readFileSync(`test/fixtures/k8s.io/${p}`, 'utf8');

function passes(run: () => void): { best: number; median: number } {
  run();
  const times: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(PASSES / 2)]! };
}

let seed = 20260401;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const week = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const owners = ['Pacific/Auckland', 'Asia/Kolkata', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles'].map((zone) => ({ zone, days: week }));
const quiet = [{ name: 'Year-end holidays', from: '12-20', to: '01-03' }];
const starts = Array.from({ length: STARTS }, () => new Date(Date.parse('2026-01-01T00:00:00Z') + random() * 365 * 86_400_000));

const deadlines = passes(() => {
  for (const s of starts) lazyConsensusDeadline(s, 5, owners, quiet);
});
const perSecond = (STARTS / deadlines.best) * 1000;
console.log(`deadline (5 days, 5 zones, quiet period): ${perSecond.toFixed(0)}/s best, ${((STARTS / deadlines.median) * 1000).toFixed(0)}/s median   goal >= 500/s   ${perSecond >= 500 ? 'ok' : 'MISSED'}`);

const rules = changesSettingsSchema.parse({ pathRules: DEFAULT_PATH_RULES }).pathRules;
const groups = fixture('groups/sig-k8s-infra/groups.yaml');
const restrictions = fixture('groups/restrictions.yaml');
const files = [
  { path: 'groups/sig-k8s-infra/groups.yaml', status: 'modified' as const, before: groups, after: groups.replace('      - k8s-infra-rbac-slack-infra@kubernetes.io\n', '      - k8s-infra-rbac-slack-infra@kubernetes.io\n      - k8s-infra-rbac-newapp@kubernetes.io\n') },
  { path: 'groups/restrictions.yaml', status: 'modified' as const, before: restrictions, after: `${restrictions}\n` },
];
const ownersTexts = { groups: fixture('groups/OWNERS'), 'groups/sig-k8s-infra': fixture('groups/sig-k8s-infra/OWNERS') };
const aliasesText = fixture('OWNERS_ALIASES');
const RUNS = 20;
const classify = passes(() => {
  for (let i = 0; i < RUNS; i++) {
    matchPathRules(files, rules);
    const byDir = new Map(Object.entries(ownersTexts).map(([dir, text]) => [dir, parseOwnersFile(dir, text)]));
    ownersOf(files.map((f) => f.path), byDir, parseOwnersAliases(aliasesText));
  }
});
const perPr = classify.best / RUNS;
console.log(`classify a PR (2 real files, ${(groups.length + restrictions.length) >> 10} KiB, rules + OWNERS): ${perPr.toFixed(2)} ms best, ${(classify.median / RUNS).toFixed(2)} ms median   goal <= 25 ms   ${perPr <= 25 ? 'ok' : 'MISSED'}`);
if (perSecond < 500 || perPr > 25) process.exitCode = 1;
