import { readFileSync } from 'node:fs';

/** Real kubernetes/k8s.io files (test/fixtures/k8s.io, see SOURCES.md), as the local GitHub serves them. */
export function fixture(path: string): string {
  return readFileSync(`test/fixtures/k8s.io/${path}`, 'utf8');
}

/** The files a change to groups/ touches and the OWNERS files Prow reads for them. */
export function k8sIoGroupsRepo(): Record<string, string> {
  return {
    OWNERS_ALIASES: fixture('OWNERS_ALIASES'),
    'groups/OWNERS': fixture('groups/OWNERS'),
    'groups/restrictions.yaml': fixture('groups/restrictions.yaml'),
    'groups/sig-k8s-infra/OWNERS': fixture('groups/sig-k8s-infra/OWNERS'),
    'groups/sig-k8s-infra/groups.yaml': fixture('groups/sig-k8s-infra/groups.yaml'),
    'groups/sig-release/OWNERS': fixture('groups/sig-release/OWNERS'),
    'groups/sig-release/groups.yaml': fixture('groups/sig-release/groups.yaml'),
    'dns/zone-configs/k8s.io._0_base.yaml': fixture('dns/zone-configs/k8s.io._0_base.yaml'),
  };
}

/** The real sig-k8s-infra groups.yaml with one more RBAC group in gke-security-groups' members. */
export function withNewRbacMember(): string {
  const file = fixture('groups/sig-k8s-infra/groups.yaml');
  const line = '      - k8s-infra-rbac-slack-infra@kubernetes.io\n';
  if (!file.includes(line)) throw new Error('fixture changed: gke-security-groups members not found');
  return file.replace(line, `${line}      - k8s-infra-rbac-newapp@kubernetes.io\n`);
}

/** The real restrictions.yaml allowing one more group in sig-k8s-infra/groups.yaml. */
export function withNewRestriction(): string {
  const file = fixture('groups/restrictions.yaml');
  const line = '      - "^gke-security-groups@kubernetes.io$"\n';
  if (!file.includes(line)) throw new Error('fixture changed: sig-k8s-infra restrictions not found');
  return file.replace(line, `${line}      - "^k8s-infra-rbac-newapp@kubernetes.io$"\n`);
}

/** The real sig-release groups.yaml with a new staging project's writers group, where its siblings are. */
export function withNewStagingGroup(): string {
  const file = fixture('groups/sig-release/groups.yaml');
  const anchor = '  - email-id: k8s-infra-staging-build-image@kubernetes.io\n';
  if (!file.includes(anchor)) throw new Error('fixture changed: staging groups not found');
  const group = ['  - email-id: k8s-infra-staging-release-notes@kubernetes.io', '    name: k8s-infra-staging-release-notes', '    description: |-', '      ACL for staging release-notes', '    settings:', '      ReconcileMembers: "true"', '    members:', '      - k8s-infra-release-editors@kubernetes.io', '', ''].join('\n');
  return file.replace(anchor, `${group}${anchor}`);
}
