/**
 * Transitional: test/helpers/capability-internals.ts (the lead's) still names this type for its
 * `pageService(bot)`; nothing in paging uses either. Delete this file together with that helper.
 */
export type { PagingApi as PageService } from './api.ts';
