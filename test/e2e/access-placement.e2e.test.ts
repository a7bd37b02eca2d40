import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_IDS } from '../../src/access/ids.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startAccessHarness, type AccessHarness } from '../access/helpers/access-harness.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { historyCases } from '../access/helpers/replay-corpus.ts';
import { lineDiff } from '../access/helpers/unified-diff.ts';

const REPO = 'kubernetes/k8s.io';
// The real #6036: rfranken@google.com added to the on-call section (not the leads one) of a
// list split by comment headers, whose first section is sorted but for one late joiner.
const REAL = historyCases().find((c) => c.name === 'access-request-05c22c456b4d')!;
const JIM = 'U0JIMANGE';
const AMEUKAM = 'U0AMEUKAM';

describe('access end to end: a request into a sectioned, partly sorted list gives the file a person wrote', () => {
  let e2e: AccessHarness;
  beforeAll(async () => {
    e2e = await startAccessHarness({ clock: new ManualClock('2024-01-19T12:00:00Z'), repos: { [REPO]: { ...k8sIoGroupsFiles(), [REAL.file]: REAL.before } } });
    await e2e.integrations.catalog.get();
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('the modal asks for the section (defaulting to the one of the same affiliation), the PR equals the real commit', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel.id, text: 'access' });
    const view = await eventually(() => e2e.slack.topView(JIM), 'the modal');
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACCESS_IDS.actions.groupSelect, value: 'scalability-oncall' });
    const first = await e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: REAL.group },
        email: { [ACCESS_IDS.actions.email]: REAL.email },
        justification: { [ACCESS_IDS.actions.justification]: 'Joining the scalability on-call rotation.' },
        duration: { [ACCESS_IDS.actions.duration]: 'permanent' },
      },
    });
    expect(first.ok).toBe(true);
    expect(first.responseAction).toBe('update');
    const step = e2e.slack.topView(JIM)!;
    const blocks = JSON.stringify(step.blocks);
    expect(blocks).toContain('scalability-oncall');
    expect(blocks).toContain('sig-scalability leads');
    // The default is the section whose members share the address's domain: the on-call one.
    const select = (step.blocks as { block_id?: string; element?: { initial_option?: { value: string } } }[]).find((b) => b.block_id === ACCESS_IDS.blocks.section)!;
    expect(select.element?.initial_option?.value).toBe('0');
    expect(e2e.slack.messages('wg-k8s-infra').some((m) => m.text?.includes(REAL.email))).toBe(false);

    const second = await e2e.slack.submitView({ userId: JIM, viewId: step.id, values: { [ACCESS_IDS.blocks.section]: { [ACCESS_IDS.actions.section]: '0' } } });
    expect(second.errors).toBeUndefined();
    const message = await eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(REAL.email)), 'the approval message');
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel.id }, actionId: ACCESS_IDS.actions.approve });
    const pr = await eventually(() => e2e.github.pullRequests(REPO)[0], 'the pull request');
    expect(e2e.github.fileAt(REPO, pr.headRef, REAL.file)).toBe(REAL.after);
    expect(lineDiff(REAL.before, e2e.github.fileAt(REPO, pr.headRef, REAL.file)!)).toEqual({ added: ['      - rfranken@google.com'], removed: [] });
  });
});
