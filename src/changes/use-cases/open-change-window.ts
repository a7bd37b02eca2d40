import { openWindow, type IncidentOnService } from '../domain/window-steps.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type OpenChangeWindowDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory' | 'openIncidents' | 'log'>;

/**
 * The window's start: announced in the channels, flagged when a service of the change has an
 * open incident. Without the incidents capability (or when it fails) the window still opens.
 */
export async function openChangeWindow(deps: OpenChangeWindowDeps, changeId: string): Promise<void> {
  let incidents: IncidentOnService[] = [];
  try {
    incidents = await deps.openIncidents();
  } catch (err) {
    deps.log.warn({ err: err instanceof Error ? err.message : String(err), change: changeId }, 'could not read open incidents; the window opens without that check');
  }
  await applyStep(deps, changeId, (c, now) => openWindow(c.change, incidents, now, deps.directory.rules));
}
