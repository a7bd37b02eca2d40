import type { EscalationDirectory } from '../domain/directory.ts';

/**
 * Who a page's steps can reach for a subproject at an instant: on call (from the rota), owners,
 * leads and everyone's working hours. Async because the rota may read the store; the pure
 * escalation then gets a synchronous directory.
 */
export type DirectoryLookup = (subprojectId: string, now: Date) => Promise<EscalationDirectory>;
