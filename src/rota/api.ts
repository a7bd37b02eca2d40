import { apiKey } from '../platform/capability.ts';

/** Who is on call for a subproject at an instant: the rota engine answers, paging and views ask. */
export interface OnCallNow {
  /** Person id of the primary (first layer with someone on call), if anyone. */
  primary?: string;
  /** Person id of the secondary, if the rotation defines one. */
  secondary?: string;
  rotationId?: string;
  layer?: number;
  /**
   * People shadowing the subproject's rotations now (person ids): notified with the primary,
   * never primary themselves. Absent or empty: nobody.
   */
  shadows?: readonly string[];
}

export interface OnCallService {
  onCall(subprojectId: string, at: Date): Promise<OnCallNow>;
}

/** A shadow period to book in one rotation (instants, half-open [from, until)). */
export interface ShadowBooking {
  /** Idempotency key: a second booking with this key changes nothing and answers `already`. */
  key: string;
  rotationId: string;
  personId: string;
  from: Date;
  until: Date;
  /** Shown to people and in the audit log ("new owner of storage, kubernetes/k8s.io#1234"). */
  reason: string;
}

export type BookShadowResult =
  | { kind: 'booked'; from: Date; until: Date }
  /** Booked before under this key: the stored period, unchanged. */
  | { kind: 'already'; from: Date; until: Date }
  | { kind: 'refused'; message: string };

/**
 * What other capabilities may ask the rota: who is on call, and (the owners capability, when a
 * nomination is accepted) booking a shadow period. Nothing in Slack books shadows.
 */
export interface RotaApi extends OnCallService {
  bookShadow(booking: ShadowBooking): Promise<BookShadowResult>;
}

export const ROTA_API = apiKey<RotaApi>('rota');
