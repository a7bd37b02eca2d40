/**
 * Booking a new owner's shadow period in a rotation: the rota implements it (its api's
 * `bookShadow`), the owners capability asks it when a nomination is accepted. Idempotent on `key`.
 */
export interface ShadowBookings {
  book(booking: { key: string; rotationId: string; personId: string; from: Date; until: Date; reason: string }): Promise<
    { kind: 'booked' | 'already'; from: Date; until: Date } | { kind: 'refused'; message: string }
  >;
}
