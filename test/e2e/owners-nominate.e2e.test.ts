import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS_IDS } from '../../src/owners/ids.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { pagingConfig } from '../escalation/paging-fixture.ts';
import { startOwnersE2E, textOf, U, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
const REPO = 'kubernetes/k8s.io';
const CONFIG_PATH = 'infra/k8s-infra-bot/infra.yaml';
const DAY = 86_400_000;

/** website with two owners (jimangel, nikhita): a nomination brings it to the charter's three. */
function twoOwnerConfig(): InfraConfig {
  const c = pagingConfig();
  return {
    ...c,
    subprojects: c.subprojects.map((s) => (s.id === 'website' ? { ...s, owners: ['jimangel', 'nikhita'] } : s)),
    owners: { ...c.owners, configFile: { repo: REPO, path: CONFIG_PATH, branch: 'main' } },
  };
}
const CONFIG_TEXT = readFileSync('config/infra.yaml', 'utf8').replace('owners: [jimangel, nikhita, thockin]', 'owners: [jimangel, nikhita]');

describe('nominating and offboarding owners end to end (Slack emulator, local GitHub)', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E({ config: twoOwnerConfig(), github: { repos: { [REPO]: { [CONFIG_PATH]: CONFIG_TEXT } } } });
  });
  afterAll(async () => rig.stop());

  it('a nomination moves website from 2 to 3 owners, with the shares shown, by lazy consensus, and opens its pull request', async () => {
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
    expect(issue.body).toContain('- [ ] Merge the pull request editing `owners:` of website');
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
    const edited = github.fileAt(REPO, pr.headRef, CONFIG_PATH)!;
    expect(edited).toContain('    owners: [jimangel, nikhita, hh]\n');
    // Only that line changed: the edit a person would make.
    const diff = edited.split('\n').filter((l, i) => l !== CONFIG_TEXT.split('\n')[i]);
    expect(diff).toEqual(['    owners: [jimangel, nikhita, hh]']);
    await h.slack.waitFor(() => github.issue(REPO, issue.number)!.comments.some((c) => c.includes('Accepted by lazy consensus')));
    await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.includes('is accepted as an owner of `website`')));
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
    expect(issue.body).toContain('- [ ] Merge the pull request');
    const pr = await h.slack.waitFor(() => h.github!.pullRequests(REPO).find((p) => p.title === 'test-compute: remove bentheelder from the owners'));
    expect(h.github!.fileAt(REPO, pr.headRef, CONFIG_PATH)).toContain('    owners: [spiffxp, upodroid]\n');
  });
});
