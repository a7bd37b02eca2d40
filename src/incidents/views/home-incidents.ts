import type { KnownBlock } from '@slack/types';
import { escapeInline } from '../../core/mrkdwn.ts';
import { section } from '../../platform/slack/blocks.ts';

export interface HomeIncidentView {
  id: string;
  title: string;
  severity: string;
  status: string;
  roles: readonly string[];
  channelId: string | null;
  commanderSlackId: string;
}

/** The incidents section of a Home tab: open incidents the person is in, with their role. Pure. */
export function homeIncidentsBlocks(incidents: readonly HomeIncidentView[]): KnownBlock[] {
  if (incidents.length === 0) return [section('No open incidents you are part of.')];
  return incidents.map((i) => {
    const where = i.channelId ? ` · <#${i.channelId}>` : '';
    const you = `you are *${i.roles.join(', ')}*`;
    const commander = i.roles.includes('commander') ? '' : ` · commander <@${i.commanderSlackId}>`;
    return section(`*${escapeInline(i.severity)}* · ${escapeInline(i.title)} (\`${escapeInline(i.id)}\`)\n${escapeInline(i.status)} · ${you}${commander}${where}`);
  });
}
