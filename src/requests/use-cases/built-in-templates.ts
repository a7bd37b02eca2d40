/**
 * The kubernetes/k8s.io issue templates (`.github/ISSUE_TEMPLATE/dns-request.md` and
 * `general-support.md` @ aba208c714cc2c3aba36e9fba24a6a9fe61dd76d), used when the repository's own
 * copy cannot be read or filled: the bot reads the repository's template first.
 */
export const BUILT_IN_TEMPLATES = {
  dns: "---\nname: DNS Update Request\nabout: Request a create, delete or update of a kubernetes.io or k8s.io DNS record\ntitle: 'DNS REQUEST: <your-dns-record>'\nlabels: sig/k8s-infra, area/dns\nassignees: ''\n\n---\n\n### Type of DNS update:\none of: Create, Delete, Update\n\n### Domain being modified:\ne.g. `k8s.io`\n\n### Existing DNS Record:\n\n```yaml\n# this is the sub-domain, '' for the top-level domain\nwww:\n# this is the record type, e.g A, CNAME, MX, TXT, etc.\n- type: A\n  # This depends on the record type, see existing YAML files for more examples.\n  value: 35.201.71.162\n```\n\n### New DNS Record:\n\n```yaml\nwww:\n- type: CNAME\n  value: some.other.host.com\n```\n\n### Reason for update:\n\nExample of an update.\n",
  other: "---\nname: General support request\nabout: Request general help with this repository\nlabels: sig/k8s-infra\nassignees: ''\n\n---\n",
} as const;
