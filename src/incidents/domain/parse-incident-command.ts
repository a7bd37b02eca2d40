import { escapeInline } from '../../core/mrkdwn.ts';
import { parseRole, parseSeverity, parseStatus, type IncidentRole, type IncidentStatus, type Severity } from './incident.ts';
import { clipText, plainFromSlack } from './user-text.ts';

export type IncidentCommand =
  | { kind: 'declare' }
  | { kind: 'update'; status?: IncidentStatus; message: string }
  | { kind: 'role'; userId: string; role: IncidentRole }
  | { kind: 'severity'; severity: Severity }
  | { kind: 'resolve'; summary: string }
  | { kind: 'list' }
  | { kind: 'error'; message: string };

const USAGE = 'Usage: `/k8s-infra incident [declare|update [status] [message]|role @user commander|comms|scribe|severity SEVn|resolve|list]`';

/**
 * `rest` is the text after `incident` as Slack sends it (mentions as `<@U123|name>`, `<` as
 * `&lt;`). Messages and summaries come back as the plain text the person meant; a role's person
 * is the Slack id of the mention.
 */
export function parseIncidentCommand(rest: string): IncidentCommand {
  const text = rest.trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const verb = (m?.[1] ?? 'declare').toLowerCase();
  const tail = (m?.[2] ?? '').trim();
  switch (verb) {
    case 'declare':
    case 'new':
      return { kind: 'declare' };
    case 'update': {
      const first = /^(\S+)\s*([\s\S]*)$/.exec(tail);
      const status = first ? parseStatus(first[1] ?? '') : undefined;
      return status ? { kind: 'update', status, message: plainFromSlack(first?.[2] ?? '').trim() } : { kind: 'update', message: plainFromSlack(tail).trim() };
    }
    case 'role': {
      const mention = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/.exec(tail);
      const role = tail.split(/\s+/).map(parseRole).find((r) => r !== undefined);
      if (!mention || !role) return { kind: 'error', message: 'Usage: `/k8s-infra incident role @user commander|comms|scribe`' };
      return { kind: 'role', userId: mention[1] ?? '', role };
    }
    case 'severity':
    case 'sev': {
      const severity = parseSeverity(tail.split(/\s+/)[0] ?? '');
      return severity ? { kind: 'severity', severity } : { kind: 'error', message: 'Usage: `/k8s-infra incident severity SEV1|SEV2|SEV3|SEV4`' };
    }
    case 'resolve':
      return { kind: 'resolve', summary: plainFromSlack(tail).trim() };
    case 'list':
    case 'ls':
      return { kind: 'list' };
    default:
      // Echoed to the person only, but still their text: escaped and short.
      return { kind: 'error', message: `I don't know \`incident ${escapeInline(clipText(plainFromSlack(verb), 40)).replace(/`/g, "'")}\`. ${USAGE}` };
  }
}
