import type { Kysely } from 'kysely';
import type { Notifier } from '../../core/notifier.ts';
import type { CoreConfig } from '../../platform/config/core-schema.ts';
import { snapshotOf, worsened, type StaffingSnapshot } from '../domain/staffing-change.ts';
import type { OwnersDatabase } from '../store/tables.ts';
import { staffingReports } from './staffing-report.ts';

export interface CheckStaffingDeps {
  config: Pick<CoreConfig, 'subprojects' | 'people'>;
  db: Kysely<OwnersDatabase>;
  notifier: Pick<Notifier, 'post'>;
  channel: string;
}

/**
 * The weekly staffing check of slot `slot` (an ISO instant): posts to the staffing channel only
 * the subprojects that got worse since the last check, then remembers this week's state. A
 * retried slot finds its post by key, and a slot already checked does nothing.
 */
export async function checkStaffing(deps: CheckStaffingDeps, slot: string, now: Date, retry: boolean): Promise<{ posted: string[] }> {
  const reports = staffingReports(deps, { subprojectIds: deps.config.subprojects.map((s) => s.id), now });
  const rows = await deps.db.selectFrom('owners_staffing_state').selectAll().execute();
  const stored = new Map(rows.map((r) => [r.subproject_id, r] as const));
  if (reports.length > 0 && reports.every((r) => stored.get(r.subprojectId)?.checked_slot === slot)) return { posted: [] };
  const lines: string[] = [];
  const snapshots = new Map<string, StaffingSnapshot>();
  for (const r of reports) {
    const now_ = snapshotOf(r);
    snapshots.set(r.subprojectId, now_);
    const row = stored.get(r.subprojectId);
    const previous = row ? (JSON.parse(row.state) as StaffingSnapshot) : undefined;
    const reasons = worsened(previous, now_, r.minimumOwners);
    if (reasons.length) lines.push(`• *${r.name}* (\`${r.subprojectId}\`): ${reasons.join('; ')}`);
  }
  if (lines.length) {
    const text = `:warning: Weekly staffing check: ${lines.length} subproject${lines.length === 1 ? '' : 's'} got worse\n${lines.join('\n')}\nDetails: \`/k8s-infra owners\`; nominate with \`/k8s-infra owners nominate @person <subproject>\`.`;
    await deps.notifier.post(deps.channel, { text }, { key: `owners.staffing:${slot}`, checkFirst: retry });
  }
  for (const [id, s] of snapshots) {
    const values = { state: JSON.stringify(s), checked_slot: slot, updated_at: now.getTime() };
    await deps.db.insertInto('owners_staffing_state').values({ subproject_id: id, ...values }).onConflict((oc) => oc.column('subproject_id').doUpdateSet(values)).execute();
  }
  return { posted: lines };
}
