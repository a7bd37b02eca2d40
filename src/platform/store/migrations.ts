import type { Migration } from 'kysely';
import * as core from './migrations/0001-core.ts';
import * as rota from '../../rota/store/migrations/0002-rota.ts';
import * as status from '../../status/store/migrations/0003-status.ts';
import * as access from '../../access/store/migrations/0004-access.ts';
import * as paging from '../../escalation/store/migrations/0005-paging.ts';
import * as incidents from '../../incidents/store/migrations/0006-incidents.ts';

/** Ordered by name; a new capability appends its own file here. Never edit a migration that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-rota': rota,
  '0003-status': status,
  '0004-access': access,
  '0005-paging': paging,
  '0006-incidents': incidents,
};
