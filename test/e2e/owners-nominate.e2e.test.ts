import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '../../src/access/capability.ts';
import { paging } from '../../src/escalation/capability.ts';
import { incidents } from '../../src/incidents/capability.ts';
import { owners } from '../../src/owners/capability.ts';
import { OWNERS_IDS } from '../../src/owners/ids.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { rota } from '../../src/rota/capability.ts';
import { k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { pagingConfig } from '../escalation/paging-fixture.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { startOwnersE2E, textOf, U, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
const REPO = 'kubernetes/k8s.io';
const WEBSITE = 'kubernetes/website';
const CONFIG_PATH = 'infra/k8s-infra-bot/infra.yaml';
const DAY = 86_400_000;

/**
 * website with two owners (jimangel, nikhita): a nomination brings it to the charter's three.
 * Its owners are also the real `sig-docs-leads` alias, the reviewers of kubernetes/website's
 * OWNERS and the members of k8s-infra-staging-sig-docs@; test-compute's are `sig-testing-leads`
 * and k8s-infra-staging-kind@ (where bentheelder's real address is).
 */
function twoOwnerConfig(): InfraConfig {
  const c = pagingConfig();
  return {
    ...c,
    people: c.people.map((p) => (p.id === 'bentheelder' ? { ...p, email: 'bentheelder@google.com' } : p)),
    subprojects: c.subprojects.map((s) => (s.id === 'website' ? { ...s, owners: ['jimangel', 'nikhita'] } : s)),
    owners: {
      ...c.owners,
      configFile: { repo: REPO, path: CONFIG_PATH, branch: 'main' },
      subprojects: {
        website: {
          ownersAliases: [{ repo: REPO, path: 'OWNERS_ALIASES', alias: 'sig-docs-leads', branch: 'main' }],
          ownersFiles: [{ repo: WEBSITE, path: 'OWNERS', list: 'reviewers', branch: 'main' }],
          groups: ['k8s-infra-staging-sig-docs@kubernetes.io'],
        },
        'test-compute': {
          // The second alias does not exist: that line stays open on the checklist, with the reason; the others go ahead.
          ownersAliases: [
            { repo: REPO, path: 'OWNERS_ALIASES', alias: 'sig-testing-leads', branch: 'main' },
            { repo: REPO, path: 'OWNERS_ALIASES', alias: 'sig-nope-leads', branch: 'main' },
          ],
          // BenTheElder is not in these reviewers (they are an alias): nothing to change there.
          ownersFiles: [{ repo: REPO, path: 'groups/sig-testing/OWNERS', list: 'reviewers', branch: 'main' }],
          groups: ['k8s-infra-staging-kind@kubernetes.io'],
        },
      },
    },
  };
}
const CONFIG_TEXT = readFileSync('config/infra.yaml', 'utf8').replace('owners: [jimangel, nikhita, thockin]', 'owners: [jimangel, nikhita]');
/** kubernetes/k8s.io groups/** and OWNERS_ALIASES, and this config where the bot's pull requests edit `owners:`. */
const K8S_IO_FILES: Record<string, string> = { ...k8sIoGroupsFiles(), [CONFIG_PATH]: CONFIG_TEXT };
/** kubernetes/website OWNERS (see test/fixtures/SOURCES.md). */
const WEBSITE_FILES: Record<string, string> = { OWNERS: readFileSync('test/fixtures/owners/website-OWNERS', 'utf8') };

/** Per changed file of a pull request, the lines a diff shows (`-old`, `+new`). */
function pullRequestDiff(github: FakeGithub, repo: string, seeded: Record<string, string>, headRef: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, before] of Object.entries(seeded)) {
    const after = github.fileAt(repo, headRef, path);
    if (after === before) continue;
    const x = before.split('\n');
    const y = (after ?? '').split('\n');
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    let j = 0;
    while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
    out[path] = [...x.slice(i, x.length - j).map((l) => `-${l}`), ...y.slice(i, y.length - j).map((l) => `+${l}`)];
  }
  return out;
}

/** Commits the bot made through the Git Data API on `repo`, and single-file commits through the contents API. */
const commitsMade = (github: FakeGithub, repo: string) => ({
  multiFile: github.writes().filter((r) => r.method === 'POST' && r.path === `/repos/${repo}/git/commits`).length,
  contents: github.writes().filter((r) => r.method === 'PUT' && r.path.startsWith(`/repos/${repo}/contents/`)).length,
});

describe('nominating and offboarding owners end to end (Slack emulator, local GitHub)', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E({ config: twoOwnerConfig(), capabilities: [rota, paging, incidents, access, owners], github: { repos: { [REPO]: K8S_IO_FILES, [WEBSITE]: WEBSITE_FILES } } });
  });
  afterAll(async () => rig.stop());

  it('a nomination moves website from 2 to 3 owners, with the shares shown, by lazy consensus, and opens its pull requests', async () => {
    const { h } = rig;
    const github = h.github!;
    // Someone already an owner, and a stranger nominating: told, nothing filed.
    expect(textOf(await rig.command(U.nikhita, 'owners nominate @jimangel website'))).toContain('is already an owner of `website`');
    expect(textOf(await rig.command(U.xmudrii, 'owners nominate @hh website'))).toContain('Only the owners of `website` and the group');
    expect(await h.bot.audit.list({ action: 'owners.refused' })).toHaveLength(1);

    await h.slack.sendSlashCommand({ userId: U.nikhita, channelId: rig.channel, text: 'owners nominate @hh website' });
    const modal = await h.slack.waitFor(() => h.slack.topView(U.nikhita));
    const shown = textOf(modal);
    expect(shown).toContain('Owners: 2 → 3');
    expect(shown).toContain('Company shares after: Company A 1/3, Company F 1/3, Company G 1/3');
    const short = await h.slack.submitView({ userId: U.nikhita, viewId: modal.id, values: { [b.credentials]: { [a.credentials]: 'great' }, [b.support]: { [a.support]: 'yes' } } });
    expect(Object.keys(short.errors ?? {}).sort()).toEqual([b.credentials, b.support].sort());
    const credentials = 'Ran the website builds since 2024 <!channel>; reviewed 120 PRs in kubernetes/website.';
    await h.slack.submitView({ userId: U.nikhita, viewId: modal.id, values: { [b.credentials]: { [a.credentials]: credentials }, [b.support]: { [a.support]: 'hh has carried Netlify on-call for a year.' } } });
    await h.drain();

    // The issue on kubernetes/k8s.io, with the three statements' places, the effect and the checklist.
    const issue = await h.slack.waitFor(() => github.issues(REPO).find((i) => i.title === 'Nominate @hh as an owner of website'));
    expect(issue.body).toContain('- Owners: 2 → 3');
    expect(issue.body).toContain(credentials);
    const steps = [
      `Pull request: add hh in \`owners:\` of website in ${CONFIG_PATH}`,
      'Pull request: add @hh to the `sig-docs-leads` alias in kubernetes/k8s.io OWNERS_ALIASES',
      'Pull request: add @hh to `reviewers` in kubernetes/website OWNERS',
      'Pull request: add hh@example.org to k8s-infra-staging-sig-docs@kubernetes.io in groups.yaml',
    ];
    for (const step of steps) expect(issue.body).toContain(`- [ ] ${step}\n`);
    expect(issue.body).toContain("- [ ] Review and merge the bot's pull requests");
    expect(issue.body).not.toContain("in the subproject's OWNERS / OWNERS_ALIASES entries");
    expect(issue.labels).toEqual(['sig/k8s-infra', 'lazy-consensus']);
    // In #wg-k8s-infra with the vote buttons, escaped; the nominee is asked for their statement of intent.
    const post = await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.startsWith('Nomination: hh')));
    expect(textOf(post)).toContain(a.voteSupport);
    expect(textOf(post)).toContain('&lt;!channel&gt;');
    expect(textOf(post)).not.toContain('<!channel>');
    const ask = await h.slack.waitFor(() => h.slack.dms(U.hh).find((m) => m.text.includes('statement of intent')));
    await h.slack.clickButton({ userId: U.hh, source: { messageTs: ask.ts, channelId: ask.channel }, actionId: a.writeIntent });
    const intent = await h.slack.waitFor(() => h.slack.topView(U.hh));
    await h.slack.submitView({ userId: U.hh, viewId: intent.id, values: { [b.intent]: { [a.intent]: 'I will keep the website builds green and take the EMEA shifts.' } } });
    await h.drain();
    await h.slack.waitFor(() => github.issue(REPO, issue.number)!.comments.some((c) => c.includes('I will keep the website builds green')));

    // Votes: an owner supports; a stranger and the nominee are refused (and audited).
    const vote = async (userId: string, actionId: string) => {
      const before = h.slack.ephemerals(userId).length;
      await h.slack.clickButton({ userId, source: { messageTs: post.ts, channelId: post.channel }, actionId });
      return h.slack.waitFor(() => h.slack.ephemerals(userId).length > before && h.slack.ephemerals(userId).at(-1));
    };
    expect((await vote(U.jimangel, a.voteSupport)).text).toContain('Recorded: you support');
    expect((await vote(U.jimangel, a.voteSupport)).text).toContain('Already recorded');
    expect((await vote(U.xmudrii, a.voteObject)).text).toContain('Only the owners of `website`');
    expect((await vote(U.hh, a.voteSupport)).text).toContain('never the nominee');
    expect((await h.bot.audit.list({ action: 'owners.refused' })).map((e) => e.actor).sort()).toEqual(['hh', 'xmudrii', 'xmudrii'].sort());

    // Before the deadline nothing is decided; after it, lazy consensus accepts and the PR is opened.
    rig.clock.advance(2 * DAY);
    await h.drain();
    expect(github.pullRequests(REPO)).toHaveLength(0);
    rig.clock.advance(12 * DAY);
    await h.drain();
    const pr = await h.slack.waitFor(() => github.pullRequests(REPO)[0]);
    expect(pr.title).toBe('website: add hh as an owner');
    // One pull request per repository, all its files in one commit, each diff exactly the line a person would add.
    expect(github.pullRequests(REPO)).toHaveLength(1);
    expect(pullRequestDiff(github, REPO, K8S_IO_FILES, pr.headRef)).toEqual({
      [CONFIG_PATH]: ['-    owners: [jimangel, nikhita]', '+    owners: [jimangel, nikhita, hh]'],
      OWNERS_ALIASES: ['+    - hh'],
      'groups/sig-docs/groups.yaml': ['+      - hh@example.org'],
    });
    expect(github.fileAt(REPO, pr.headRef, 'OWNERS_ALIASES')).toContain('  sig-docs-leads:\n    - divya-mohan0209\n    - hh\n    - jimangel\n');
    expect(github.fileAt(REPO, pr.headRef, 'groups/sig-docs/groups.yaml')).toContain('      - bentheelder@google.com\n      - hh@example.org\n      - k8s-sig-docs-leads@googlegroups.com\n');
    expect(commitsMade(github, REPO)).toEqual({ multiFile: 1, contents: 0 });
    const websitePr = await h.slack.waitFor(() => github.pullRequests(WEBSITE)[0]);
    expect(websitePr.title).toBe('website: add hh as an owner');
    expect(pullRequestDiff(github, WEBSITE, WEBSITE_FILES, websitePr.headRef)).toEqual({ OWNERS: ['+- hh'] });
    expect(pr.body).toContain('- add @hh to the `sig-docs-leads` alias in kubernetes/k8s.io OWNERS_ALIASES');
    // The checklist on the issue: the bot's steps ticked with their pull requests, the rest left to people.
    const ticked = await h.slack.waitFor(() => github.issue(REPO, issue.number)!.body.includes('- [x]') && github.issue(REPO, issue.number)!.body);
    expect(ticked).toContain(`- [x] ${steps[0]} (#${pr.number})\n`);
    expect(ticked).toContain(`- [x] ${steps[1]} (#${pr.number})\n`);
    expect(ticked).toContain(`- [x] ${steps[2]} (kubernetes/website#${websitePr.number})\n`);
    expect(ticked).toContain(`- [x] ${steps[3]} (#${pr.number})\n`);
    expect(ticked).toContain("- [ ] Review and merge the bot's pull requests");
    expect(ticked).toContain("- [ ] Add hh in the subproject's Slack user group and mailing lists");
    const decided = await h.slack.waitFor(() => github.issue(REPO, issue.number)!.comments.find((c) => c.includes('Accepted by lazy consensus')));
    const url = (repo: string, n: number) => `https://github.com/${repo}/pull/${n}`;
    expect(decided).toContain(`Pull requests: ${url(REPO, pr.number)}, ${url(WEBSITE, websitePr.number)}`);
    const accepted = await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.includes('is accepted as an owner of `website`')));
    // Both pull requests, each named by its repository.
    expect(accepted.text).toContain(`<${url(REPO, pr.number)}|${REPO}#${pr.number}>, <${url(WEBSITE, websitePr.number)}|${WEBSITE}#${websitePr.number}>`);
  });

  it('an offboarding that would leave 2 owners is refused, explaining why; a lead may confirm it', async () => {
    const { h } = rig;
    const refused = textOf(await rig.command(U.thockin, 'owners offboard @bentheelder test-compute'));
    expect(refused).toContain('would leave `test-compute` with 2 owners; the charter asks for at least 3');
    expect(refused).toContain('/k8s-infra owners nominate @person test-compute');
    expect(textOf(await rig.command(U.upodroid, 'owners offboard @bentheelder test-compute confirm'))).toContain('Only a lead may confirm');
    expect(h.github!.issues(REPO).filter((i) => i.title.startsWith('Offboard'))).toHaveLength(0);
    // dims is a lead: confirmed, the issue and the pull request are opened.
    expect(textOf(await rig.command(U.dims, 'owners offboard @bentheelder test-compute confirm'))).toContain('Owners: 3 → 2');
    await h.drain();
    const issue = await h.slack.waitFor(() => h.github!.issues(REPO).find((i) => i.title === 'Offboard @BenTheElder as an owner of test-compute' || i.title.startsWith('Offboard @')));
    const pr = await h.slack.waitFor(() => h.github!.pullRequests(REPO).find((p) => p.title === 'test-compute: remove bentheelder from the owners'));
    // The reverse diffs, in the same one pull request: out of `owners:`, the alias and the group.
    expect(pullRequestDiff(h.github!, REPO, K8S_IO_FILES, pr.headRef)).toEqual({
      [CONFIG_PATH]: ['-    owners: [spiffxp, bentheelder, upodroid]', '+    owners: [spiffxp, upodroid]'],
      OWNERS_ALIASES: ['-    - BenTheElder'],
      'groups/sig-testing/groups.yaml': ['-    - bentheelder@google.com'],
    });
    expect(h.github!.fileAt(REPO, pr.headRef, 'groups/sig-testing/groups.yaml')).toContain('    - antonio.ojea.garcia@gmail.com\n    - james@munnelly.eu\n');
    expect(h.github!.pullRequests(WEBSITE)).toHaveLength(1);
    const ticked = await h.slack.waitFor(() => h.github!.issue(REPO, issue.number)!.body.includes('- [x]') && h.github!.issue(REPO, issue.number)!.body);
    expect(ticked).toContain(`- [x] Pull request: remove bentheelder from \`owners:\` of test-compute in ${CONFIG_PATH} (#${pr.number})\n`);
    expect(ticked).toContain(`- [x] Pull request: remove @BenTheElder from the \`sig-testing-leads\` alias in kubernetes/k8s.io OWNERS_ALIASES (#${pr.number})\n`);
    expect(ticked).toContain(`- [x] Pull request: remove bentheelder@google.com from k8s-infra-staging-kind@kubernetes.io in groups.yaml (#${pr.number})\n`);
    expect(ticked).toContain('- [ ] Pull request: remove @BenTheElder from the `sig-nope-leads` alias in kubernetes/k8s.io OWNERS_ALIASES (not done by the bot: OWNERS_ALIASES has no alias `sig-nope-leads`)\n');
    expect(ticked).toContain('- [x] Pull request: remove @BenTheElder from `reviewers` in kubernetes/k8s.io groups/sig-testing/OWNERS (nothing to change)\n');
    const post = await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.includes('from the owners of `test-compute`')));
    expect(post.text).toContain(`<https://github.com/${REPO}/pull/${pr.number}|${REPO}#${pr.number}>`);
  });
});
