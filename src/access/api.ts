import { apiKey } from '../platform/capability.ts';
import type { AccessIntegrations } from './ports/access-integrations.ts';

/**
 * What other capabilities may reach of access requests. Transitional: only the integrations,
 * which only test/helpers/capability-internals.ts reads; access's own tests take them through
 * `accessModule({ integrations })`. A real api (e.g. a person's pending requests) comes later.
 */
export interface AccessApi {
  integrations: AccessIntegrations;
}

export const ACCESS_API = apiKey<AccessApi>('access');
