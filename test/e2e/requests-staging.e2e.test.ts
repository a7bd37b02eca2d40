import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readYaml11 } from '../../src/core/yaml11.ts';
import type { ManualClock } from '../../src/core/clock.ts';
import { REQUESTS_IDS } from '../../src/requests/ids.ts';
import type { TicketStore } from '../../src/requests/ports/ticket-store.ts';
import type { Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { k8sIoRepo, openRequestForm, REPO, settle, startRequestsE2E } from '../requests/helpers/requests-setup.ts';

const A = REQUESTS_IDS.actions;
const B = REQUESTS_IDS.blocks;
const JIM = 'U0JIMANGE';

describe('a staging project request opens its issue and the multi-file PR of the documented flow', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let tickets: TicketStore;

  beforeAll(async () => {
    ({ e2e, github, clock, tickets } = await startRequestsE2E());
  });
  afterAll(async () => {
    await e2e.stop();
  });

  it('files k8s-staging-release-notes: issue, then groups.yaml, restrictions.yaml and infra.yaml in one PR, approvers asked', async () => {
    const form = await openRequestForm(e2e, JIM, 'staging');
    const r = await e2e.slack.submitView({
      userId: JIM,
      viewId: form.id,
      values: {
        [B.stagingName]: { [A.stagingName]: 'release-notes' },
        [B.stagingSig]: { [A.stagingSig]: 'sig-release' },
        [B.stagingMembers]: { [A.stagingMembers]: 'k8s-infra-release-editors@kubernetes.io\njim@example.com' },
        [B.reason]: { [A.reason]: 'Images of the release-notes tool.' },
      },
    });
    expect(r.ok).toBe(true);
    await settle(e2e.drain, clock);
    const [ticket] = await tickets.byRequester(JIM, 5);
    expect(ticket!.state).toBe('pr-open');
    const [issue] = github.issues(REPO);
    expect(issue!.title).toBe('STAGING PROJECT REQUEST: k8s-staging-release-notes');
    expect(issue!.labels).toEqual(['sig/k8s-infra', 'area/artifacts']);
    expect(issue!.body).toContain('`k8s-infra-staging-release-notes@kubernetes.io`, defined in `groups/sig-release/groups.yaml`');

    const [pr] = github.pullRequests(REPO);
    expect(pr!.title).toBe('Add k8s-staging-release-notes staging project');
    const at = (path: string) => github.fileAt(REPO, pr!.headRef, path)!;
    const was = (path: string) => k8sIoRepo()[path]!;
    // One group appended after the SIG's last staging group, written like its neighbours.
    const block = ['  - email-id: k8s-infra-staging-release-notes@kubernetes.io', '    name: k8s-infra-staging-release-notes', '    description: |-', '      ACL for staging release-notes', '    settings:', '      ReconcileMembers: "true"', '    members:', '      - k8s-infra-release-editors@kubernetes.io', '      - jim@example.com'];
    expect(at('groups/sig-release/groups.yaml')).toBe(`${was('groups/sig-release/groups.yaml')}\n${block.join('\n')}\n`);
    const groups = (text: string) => (readYaml11(text, 'go-yaml-v2') as { ok: true; value: { groups: Record<string, unknown>[] } }).value.groups;
    expect(groups(at('groups/sig-release/groups.yaml')).slice(0, -1)).toEqual(groups(was('groups/sig-release/groups.yaml')));
    expect(groups(at('groups/sig-release/groups.yaml')).at(-1)).toEqual({ 'email-id': 'k8s-infra-staging-release-notes@kubernetes.io', name: 'k8s-infra-staging-release-notes', description: 'ACL for staging release-notes', settings: { ReconcileMembers: 'true' }, members: ['k8s-infra-release-editors@kubernetes.io', 'jim@example.com'] });
    // The restriction after sig-release's last staging pattern, as the file writes them.
    const bom = '      - "^k8s-infra-staging-bom@kubernetes.io$"\n';
    expect(at('groups/restrictions.yaml')).toBe(was('groups/restrictions.yaml').replace(bom, `${bom}      - "^k8s-infra-staging-release-notes@kubernetes.io$"\n`));
    // The project in the inventory, in alphabetical place (as the real #8329 put k8s-staging-dra-driver-cpu after k8s-staging-dns).
    expect(at('infra/gcp/infra.yaml')).toBe(was('infra/gcp/infra.yaml').replace('      k8s-staging-releng:\n', '      k8s-staging-release-notes:\n      k8s-staging-releng:\n'));
    // The nearest OWNERS of each file: sig-release-leads (alias expanded) for its groups.yaml, groups/OWNERS for restrictions.yaml.
    expect(pr!.requestedReviewers).toEqual(['cpanato', 'jeremyrickard', 'justaugustus', 'puerco', 'saschagrunert', 'ameukam', 'cblecker', 'dims', 'thockin', 'spiffxp', 'nikhita']);
    expect(e2e.slack.dms(JIM).some((m) => m.text.includes('/lgtm'))).toBe(true);
  });
});
