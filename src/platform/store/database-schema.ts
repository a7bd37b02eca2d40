import type { AccessTables } from '../../access/store/tables.ts';
import type { CoreTables } from './core-tables.ts';
import type { IncidentTables } from '../../incidents/store/tables.ts';
import type { RotaTables } from '../../rota/store/tables.ts';
import type { PagingTables } from '../../escalation/store/tables.ts';
import type { StatusTables } from '../../status/store/tables.ts';

/**
 * Every table the bot owns. Each capability declares its tables in `tables/<capability>-tables.ts`
 * and adds them here, with a migration in `migrations/`.
 */
export interface Database extends CoreTables, RotaTables, AccessTables, PagingTables, StatusTables, IncidentTables {}
