import { fqdnOf, type DnsRequest } from './dns-request.ts';
import { fillIssueTemplate, type IssueTemplate } from './issue-template.ts';
import { recordYaml } from './zone-edit.ts';

export interface IssueDraft {
  title: string;
  body: string;
  labels: string[];
}

const ACTION_WORD = { create: 'Create', update: 'Update', delete: 'Delete' } as const;

/** Which answer a heading of the DNS template asks for, by its words (the template's own spelling is kept). */
function answerKind(heading: string): 'type' | 'domain' | 'existing' | 'new' | 'reason' | undefined {
  const h = heading.toLowerCase();
  if (h.includes('type of')) return 'type';
  if (h.includes('domain')) return 'domain';
  if (h.includes('existing')) return 'existing';
  if (h.includes('new')) return 'new';
  if (h.includes('reason')) return 'reason';
  return undefined;
}

/**
 * The DNS request as the repository's DNS template asks for it: `DNS REQUEST: <record>`, the
 * type of update, the domain, the existing and new record in the template's YAML shape, the reason
 * and where in Slack it was asked. Fails when the template has a heading it cannot answer.
 */
export function dnsIssue(template: IssueTemplate, request: DnsRequest, existing: string | undefined, requestedBy: string): { ok: true; issue: IssueDraft } | { ok: false; reason: string } {
  const fqdn = fqdnOf(request);
  const fence = (yaml: string) => `\`\`\`yaml\n${yaml}\n\`\`\``;
  const newRecord = request.action === 'delete' ? 'None: the record is removed.' : fence(recordYaml({ name: request.name, type: request.type, values: request.values, ttl: request.ttl }));
  const answers = new Map<string, string>();
  for (const s of template.sections) {
    const kind = answerKind(s.heading);
    if (!kind) return { ok: false, reason: `the DNS template has a heading the bot cannot answer: ${s.heading}` };
    const text = {
      type: ACTION_WORD[request.action],
      domain: `\`${request.zone}\``,
      existing: existing === undefined ? 'None: this is a new record.' : fence(existing),
      new: newRecord,
      reason: `${request.reason}\n\n${requestedBy}`,
    }[kind];
    answers.set(s.heading, text);
  }
  const filled = fillIssueTemplate(template, answers);
  if (!filled.ok) return filled;
  const title = template.title.includes('<your-dns-record>') ? template.title.replace('<your-dns-record>', fqdn) : `DNS REQUEST: ${fqdn}`;
  return { ok: true, issue: { title, body: filled.body, labels: template.labels } };
}
