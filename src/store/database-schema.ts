import type { AccessTables } from './tables/access-tables.ts';
import type { CoreTables } from './tables/core-tables.ts';
import type { IncidentTables } from './tables/incident-tables.ts';
import type { RotaTables } from './tables/rota-tables.ts';
import type { PagingTables } from './tables/paging-tables.ts';
import type { StatusTables } from './tables/status-tables.ts';

/**
 * Every table the bot owns. Each capability declares its tables in `tables/<capability>-tables.ts`
 * and adds them here, with a migration in `migrations/`.
 */
export interface Database extends CoreTables, RotaTables, AccessTables, PagingTables, StatusTables, IncidentTables {}
