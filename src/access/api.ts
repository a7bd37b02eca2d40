import { apiKey } from '../platform/capability.ts';
import type { AccessIntegrations } from './ports/access-integrations.ts';

/** What other capabilities (and the bot's operators' tools) may reach of access requests. */
export interface AccessApi {
  /** The groups catalog, the code host and the audit sink access requests use. */
  integrations: AccessIntegrations;
}

export const ACCESS_API = apiKey<AccessApi>('access');
