import type { AuditEntry } from '../../platform/store/audit-log.ts';

/** Where refusals go (the platform's audit log): a change's own audit entry commits with the change instead. */
export interface PageAuditTrail {
  record(entry: AuditEntry): Promise<unknown>;
}
