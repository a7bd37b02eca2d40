import { apiKey } from '../platform/capability.ts';

/** Who is on call for a subproject at an instant: the rota engine answers, paging and views ask. */
export interface OnCallNow {
  /** Person id of the primary (first layer with someone on call), if anyone. */
  primary?: string;
  /** Person id of the secondary, if the rotation defines one. */
  secondary?: string;
  rotationId?: string;
  layer?: number;
}

export interface OnCallService {
  onCall(subprojectId: string, at: Date): Promise<OnCallNow>;
}

/** What other capabilities may ask the rota: who is on call. */
export type RotaApi = OnCallService;

export const ROTA_API = apiKey<RotaApi>('rota');
