import { isWithinWorkingHours, type WorkingHours } from '../../core/working-hours.ts';

/** What the staffing rules need to know about a person (a subset of the config's person). */
export interface StaffingPerson {
  id: string;
  affiliation: string;
  timezone: string;
  workingHours: WorkingHours;
}

export interface StaffingSubproject {
  id: string;
  name?: string;
  owners: readonly string[];
  bootstrapping?: boolean;
}

export interface StaffingOptions {
  /** Charter: at least 3 owners. */
  minimumOwners?: number;
  /** Charter: no company above 1/3 of the owners. */
  maxAffiliationShare?: number;
  /** Affiliations that are not a company, so their holders are not counted together. */
  unaffiliated?: readonly string[];
}

export type StaffingSeverity = 'violation' | 'warning' | 'info';
export type StaffingRule = 'minimum-owners' | 'affiliation-share' | 'timezone-coverage' | 'unknown-owner';

export interface StaffingFinding {
  rule: StaffingRule;
  severity: StaffingSeverity;
  message: string;
}

export interface AffiliationShare {
  affiliation: string;
  owners: string[];
  /** owners / all owners, 0..1. */
  share: number;
  /** False for affiliations listed as not a company. */
  counted: boolean;
  overLimit: boolean;
}

export interface CoverageGap {
  /** First uncovered slot (hours since weekStart) and the number of hours in a row. */
  fromSlot: number;
  hours: number;
  start: Date;
  end: Date;
  /** e.g. "Sat 17:00–Mon 01:00 UTC". */
  label: string;
}

export interface TimezoneCoverage {
  weekStart: Date;
  /** Owners within their working hours in each UTC hour of the week (168 entries). */
  ownersPerSlot: number[];
  uncoveredSlots: number[];
  /** Runs of uncovered slots; a run over the end of the week continues at its start. */
  gaps: CoverageGap[];
  coveredHours: number;
}

export interface StaffingReport {
  subprojectId: string;
  name: string;
  bootstrapping: boolean;
  /** Worst severity among findings that count: 'info' findings never change it. */
  status: 'ok' | 'warning' | 'violation';
  owners: string[];
  unknownOwners: string[];
  minimumOwners: number;
  findings: StaffingFinding[];
  affiliations: AffiliationShare[];
  coverage: TimezoneCoverage;
}

const DEFAULT_UNAFFILIATED = ['independent', 'none', 'unaffiliated', 'self', 'self-employed', 'n/a'] as const;

const HOUR = 3_600_000;
const SLOTS = 168;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Monday 00:00 UTC of the week containing `instant`. */
export function utcWeekStart(instant: Date): Date {
  const day = Math.floor(instant.getTime() / (24 * HOUR));
  // 1970-01-01 was a Thursday, three days after a Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return new Date(monday * 24 * HOUR);
}

/**
 * Checks a subproject against the charter. Coverage is measured over the reference week
 * passed in (DST moves working hours in UTC): a slot counts as covered when an owner is within
 * their working hours at its middle, so a 09:00–17:00 day in a :30 zone covers exactly 8 slots.
 */
export function staffingReport(
  subproject: StaffingSubproject,
  people: readonly StaffingPerson[],
  weekStart: Date,
  options: StaffingOptions = {},
): StaffingReport {
  const minimumOwners = options.minimumOwners ?? 3;
  const maxShare = options.maxAffiliationShare ?? 1 / 3;
  const unaffiliated = new Set((options.unaffiliated ?? DEFAULT_UNAFFILIATED).map(normalize));
  const bootstrapping = subproject.bootstrapping ?? false;
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const ownerIds = [...new Set(subproject.owners)];
  const owners = ownerIds.filter((id) => byId.has(id));
  const unknownOwners = ownerIds.filter((id) => !byId.has(id));
  const findings: StaffingFinding[] = [];

  for (const id of unknownOwners) {
    findings.push({ rule: 'unknown-owner', severity: 'violation', message: `Owner "${id}" is not in people, so cannot be counted.` });
  }
  if (owners.length < minimumOwners) {
    findings.push({
      rule: 'minimum-owners',
      severity: 'violation',
      message: `${owners.length} owner${owners.length === 1 ? '' : 's'}; the charter asks for at least ${minimumOwners}.`,
    });
  }

  const groups = new Map<string, AffiliationShare>();
  for (const id of owners) {
    const affiliation = byId.get(id)!.affiliation.trim();
    const key = normalize(affiliation);
    let group = groups.get(key);
    if (!group) {
      group = { affiliation, owners: [], share: 0, counted: !unaffiliated.has(key), overLimit: false };
      groups.set(key, group);
    }
    group.owners.push(id);
  }
  const affiliations = [...groups.values()].sort((a, b) => b.owners.length - a.owners.length || a.affiliation.localeCompare(b.affiliation));
  for (const group of affiliations) {
    group.share = group.owners.length / owners.length;
    // Compare counts, not floats: 2 of 6 is exactly the limit and allowed.
    group.overLimit = group.counted && group.owners.length > maxShare * owners.length + 1e-9;
    if (!group.overLimit) continue;
    findings.push({
      rule: 'affiliation-share',
      severity: bootstrapping ? 'warning' : 'violation',
      message:
        `${group.affiliation} holds ${group.owners.length} of ${owners.length} owners (${Math.round(group.share * 100)}%), ` +
        `above the charter's ${formatShare(maxShare)}` +
        (bootstrapping ? '; tolerated while the subproject is bootstrapping.' : '.'),
    });
  }

  const coverage = timezoneCoverage(owners.map((id) => byId.get(id)!), weekStart);
  if (coverage.gaps.length > 0) {
    findings.push({
      rule: 'timezone-coverage',
      severity: 'info',
      message: `No owner within working hours for ${SLOTS - coverage.coveredHours} of ${SLOTS} hours: ${coverage.gaps.map((g) => g.label).join(', ')}.`,
    });
  }

  const status = findings.some((f) => f.severity === 'violation') ? 'violation' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
  return {
    subprojectId: subproject.id,
    name: subproject.name ?? subproject.id,
    bootstrapping,
    status,
    owners,
    unknownOwners,
    minimumOwners,
    findings,
    affiliations,
    coverage,
  };
}

export function timezoneCoverage(owners: readonly StaffingPerson[], weekStart: Date): TimezoneCoverage {
  const start = weekStart.getTime();
  const ownersPerSlot: number[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    const middle = new Date(start + slot * HOUR + HOUR / 2);
    ownersPerSlot.push(owners.filter((o) => isWithinWorkingHours(o.workingHours, o.timezone, middle)).length);
  }
  const uncoveredSlots = ownersPerSlot.flatMap((n, slot) => (n === 0 ? [slot] : []));
  return { weekStart: new Date(start), ownersPerSlot, uncoveredSlots, gaps: gapsOf(ownersPerSlot, start), coveredHours: SLOTS - uncoveredSlots.length };
}

function gapsOf(ownersPerSlot: readonly number[], start: number): CoverageGap[] {
  const uncovered = (slot: number) => ownersPerSlot[((slot % SLOTS) + SLOTS) % SLOTS] === 0;
  if (ownersPerSlot.every((n) => n === 0)) return [gap(0, SLOTS, start)];
  const gaps: CoverageGap[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    // A run begins where the previous slot (cyclically) is covered.
    if (!uncovered(slot) || uncovered(slot - 1)) continue;
    let hours = 1;
    while (uncovered(slot + hours)) hours++;
    gaps.push(gap(slot, hours, start));
  }
  return gaps;
}

function gap(fromSlot: number, hours: number, weekStart: number): CoverageGap {
  const start = new Date(weekStart + fromSlot * HOUR);
  const end = new Date(weekStart + (fromSlot + hours) * HOUR);
  return { fromSlot, hours, start, end, label: `${utcLabel(start)}–${utcLabel(end)} UTC` };
}

function utcLabel(d: Date): string {
  return `${DAYS[d.getUTCDay()]} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function normalize(affiliation: string): string {
  return affiliation.trim().toLowerCase();
}

function formatShare(share: number): string {
  return Math.abs(share - 1 / 3) < 1e-9 ? '1/3' : `${Math.round(share * 100)}%`;
}
