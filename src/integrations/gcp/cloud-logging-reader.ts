import { Logging } from '@google-cloud/logging';
import type { LogEntrySummary, LogReader } from '../../status/ports/gcp-readers.ts';
import { clientOptions, credentialsResolver, type GcpConnection } from './gcp-connection.ts';
import { toReaderError, untilAborted } from './reader-errors.ts';

type LoggingOptions = ConstructorParameters<typeof Logging>[0];

/** Cloud Logging allows at most 1000 entries per page. */
const MAX_PAGE = 1000;

/** LogReader over `Logging#getEntries` (@google-cloud/logging v11): one page, newest first. */
export function createCloudLoggingReader(connection: GcpConnection = {}): LogReader {
  const timeout = connection.requestTimeoutMs ?? 4000;
  // One client per project, so the library never has to discover a project id on its own.
  const clients = new Map<string, Logging>();
  const resolve = credentialsResolver(connection);
  const clientFor = async (project: string) => {
    let client = clients.get(project);
    if (!client) {
      client = new Logging({ ...clientOptions(await resolve()), projectId: project } as LoggingOptions);
      clients.set(project, client);
    }
    return client;
  };
  return {
    async listEntries(query, signal) {
      let entries: unknown[];
      try {
        const client = await untilAborted(clientFor(query.project), signal);
        [entries] = await untilAborted(
          client.getEntries({
            resourceNames: [`projects/${query.project}`],
            filter: query.filter,
            orderBy: 'timestamp desc',
            pageSize: Math.min(Math.max(1, query.limit), MAX_PAGE),
            autoPaginate: false,
            gaxOptions: { timeout, maxRetries: 1 },
          }),
          signal,
        );
      } catch (error) {
        if (signal.aborted) throw error;
        throw toReaderError(error);
      }
      return entries.slice(0, query.limit).map(toSummary);
    },
  };
}

function toSummary(entry: unknown): LogEntrySummary {
  const metadata = (typeof entry === 'object' && entry !== null ? (entry as { metadata?: unknown }).metadata : undefined) as
    | { timestamp?: unknown; severity?: unknown }
    | undefined;
  const ts = metadata?.timestamp;
  const timestamp = ts instanceof Date && !Number.isNaN(ts.getTime()) ? ts : typeof ts === 'string' && !Number.isNaN(Date.parse(ts)) ? new Date(ts) : undefined;
  const severity = typeof metadata?.severity === 'string' ? metadata.severity : typeof metadata?.severity === 'number' ? String(metadata.severity) : undefined;
  return { timestamp, severity };
}
