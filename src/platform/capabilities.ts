import { access } from '../access/capability.ts';
import { changes } from '../changes/capability.ts';
import { paging } from '../escalation/capability.ts';
import { incidents } from '../incidents/capability.ts';
import { owners } from '../owners/capability.ts';
import { ownership } from '../ownership/capability.ts';
import { reports } from '../reports/capability.ts';
import { requests } from '../requests/capability.ts';
import { rota } from '../rota/capability.ts';
import { status } from '../status/capability.ts';

/**
 * Every capability of the bot, in the order help lists their subcommands: the only place the
 * platform learns of them. Adding a capability is its folder(s) and one line here.
 */
export const CAPABILITIES = [status, rota, paging, incidents, access, changes, owners, requests, reports, ownership] as const;
