import { toServiceStatuses, uptimeReadSince, type ServiceIdentity, type ServiceStatus } from '../domain/service-status.ts';
import type { StatusReader } from '../ports/status-repository.ts';

/** What the stored rounds say about each service (state, latest check, uptime), in the given order. */
export async function readServiceStatuses(services: readonly ServiceIdentity[], reader: StatusReader, now: Date): Promise<ServiceStatus[]> {
  const ids = services.map((s) => s.id);
  const [states, latest, records] = await Promise.all([reader.loadStates(ids), reader.latestChecks(ids), reader.listCheckRecords(uptimeReadSince(now), ids)]);
  return toServiceStatuses(services, states, latest, records, now);
}
