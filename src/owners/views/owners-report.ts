import type { KnownBlock } from '@slack/types';
import type { StaffingReport } from '../domain/staffing.ts';
import { context, divider, section } from '../../platform/slack/blocks.ts';
import { chunkLines } from '../../platform/slack/chunk-lines.ts';

const STATUS = { ok: ':white_check_mark: meets the charter', warning: ':warning: warning', violation: ':red_circle: violation' } as const;
const SEVERITY = { violation: ':red_circle: *Violation*', warning: ':warning: *Warning*', info: ':clock3: *Coverage gap*' } as const;

function reportText(r: StaffingReport, mention: (personId: string) => string): string {
  const lines = [
    `*${r.name}* (\`${r.subprojectId}\`): ${STATUS[r.status]}${r.bootstrapping ? ' _(bootstrapping)_' : ''}`,
    `Owners (${r.owners.length}, at least ${r.minimumOwners}): ${r.owners.map(mention).join(', ') || 'none'}`,
    `Affiliations: ${r.affiliations.map((a) => `${a.affiliation} ${a.owners.length}/${r.owners.length}${a.overLimit ? ' :red_circle:' : ''}`).join(', ') || 'none'}`,
    `Timezone coverage: ${r.coverage.coveredHours}/168 UTC hours of the week have an owner within working hours.`,
    ...r.findings.map((f) => `${SEVERITY[f.severity]}: ${f.message}`),
  ];
  return lines.join('\n');
}

/** `/k8s-infra owners [subproject]`: the charter's staffing rules, violations and gaps marked. */
export function ownersMessage(reports: readonly StaffingReport[], mention: (personId: string) => string): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    context('Charter: at least 3 owners per subproject, no company above 1/3 of them (a warning while bootstrapping). Gaps are UTC hours with no owner within working hours.'),
  ];
  for (const r of reports.slice(0, 24)) {
    for (const chunk of chunkLines(reportText(r, mention).split('\n'))) blocks.push(section(chunk));
    blocks.push(divider());
  }
  const bad = reports.filter((r) => r.status !== 'ok').map((r) => `${r.subprojectId} (${r.status})`);
  return { text: bad.length ? `Staffing: ${bad.join(', ')}` : 'Staffing: every subproject meets the charter', blocks: blocks.slice(0, 50) };
}
