import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import { audit } from '../../platform/outbox/effects.ts';
import type { BookShadowResult, ShadowBooking } from '../api.ts';
import { shadowProblem } from '../domain/shadow.ts';
import type { RotaCommit, RotaReads } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';

export interface BookShadowDeps {
  model: Pick<RotaModel, 'rotations'>;
  shadows: Pick<RotaReads, 'getShadow'>;
  commit: RotaCommit;
  home: HomeRefresher;
}

/**
 * Books a shadow period in a rotation (the rota api's `bookShadow`; another capability calls it,
 * never a Slack listener). Idempotent on the booking key: a retried booking answers `already`
 * with the period stored the first time. The booking and its audit entry commit together.
 */
export async function bookShadow(deps: BookShadowDeps, booking: ShadowBooking): Promise<BookShadowResult> {
  const shadow = { key: booking.key, rotationId: booking.rotationId, personId: booking.personId, from: booking.from, until: booking.until, reason: booking.reason };
  const problem = shadowProblem(shadow, deps.model.rotations.has(booking.rotationId));
  if (problem) return { kind: 'refused', message: problem };
  const booked = await deps.commit(async (tx, now) => {
    if (!(await tx.insertShadow(shadow, now))) return { result: false, effects: [] };
    return {
      result: true,
      effects: [
        audit({
          at: now,
          actor: 'k8s-infra-bot',
          action: 'rota.shadow_booked',
          subject: `rotation:${shadow.rotationId}`,
          payload: { key: shadow.key, person: shadow.personId, from: shadow.from.toISOString(), until: shadow.until.toISOString(), reason: shadow.reason },
        }),
      ],
    };
  });
  if (booked) {
    deps.home.refresh([shadow.personId]);
    return { kind: 'booked', from: shadow.from, until: shadow.until };
  }
  const stored = await deps.shadows.getShadow(shadow.key);
  return stored ? { kind: 'already', from: stored.from, until: stored.until } : { kind: 'refused', message: `shadow booking ${shadow.key} could not be read back` };
}
