import { DateTime } from 'luxon';
import type { Nomination } from '../domain/nomination.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';

export interface BookedShadow {
  rotationId: string;
  from: Date;
  until: Date;
}

const DAY_MS = 86_400_000;

/**
 * An accepted nomination's shadow period: `owners.shadowDays` in each rotation of the subproject,
 * booked in the rota from the moment it concludes. Its own idempotent step, keyed by nomination
 * and rotation, so a retried job books once and keeps the first period; the new owner is told
 * once. Adding them to the rotation's `participants` afterwards stays a checklist item.
 */
export async function bookShadowShifts(deps: Pick<NominationDeps, 'settings' | 'subprojects' | 'people' | 'notifier' | 'shadows'>, n: Nomination, now: Date, retry: boolean): Promise<BookedShadow[]> {
  if (n.kind !== 'nominate' || !deps.shadows) return [];
  const rotations = deps.subprojects.find((s) => s.id === n.subprojectId)?.rotations ?? [];
  const booked: BookedShadow[] = [];
  for (const rotationId of rotations) {
    const r = await deps.shadows.book({
      key: `owners.shadow:${n.id}:${rotationId}`,
      rotationId,
      personId: n.personId,
      from: now,
      until: new Date(now.getTime() + deps.settings.shadowDays * DAY_MS),
      reason: `new owner of ${n.subprojectId}${n.issueUrl ? ` (${n.issueUrl})` : ''}`,
    });
    if (r.kind !== 'refused') booked.push({ rotationId, from: r.from, until: r.until });
  }
  const slack = deps.people.find((p) => p.id === n.personId)?.slack;
  const last = booked.reduce<Date | undefined>((u, b) => (!u || b.until > u ? b.until : u), undefined);
  if (slack && last) {
    const zone = deps.people.find((p) => p.id === n.personId)?.timezone ?? 'UTC';
    const until = DateTime.fromJSDate(last, { zone }).toFormat('ccc d LLL HH:mm ZZZZ');
    await deps.notifier.dm(
      slack,
      {
        text:
          `Welcome as an owner of \`${n.subprojectId}\`! Until ${until} you shadow its on-call rotation (${booked.map((b) => `\`${b.rotationId}\``).join(', ')}): ` +
          'pages reach you together with the primary, who answers for them; acknowledge when you can help. ' +
          'After that, an owner adds you to the rotation’s `participants` (the checklist on the issue tracks it).',
      },
      { key: `owners.shadow:${n.id}`, checkFirst: retry },
    );
  }
  return booked;
}
