import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { changeDirectory } from '../../../src/changes/change-directory.ts';
import { changesSettingsSchema } from '../../../src/changes/config.ts';
import { openChangeWindow } from '../../../src/changes/use-cases/open-change-window.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { announced } from '../helpers/change-fixtures.ts';
import { MemoryChangeStore } from '../helpers/memory-change-store.ts';

const config = testConfig();
const directory = changeDirectory(config, changesSettingsSchema.parse({ ...config.changes }));

async function run(openIncidents: () => Promise<{ title: string; severity: string; services: string[] }[]>) {
  const changes = new MemoryChangeStore();
  const change = { ...announced(), state: 'cleared' as const };
  await changes.create(change, []);
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  await openChangeWindow({ changes, clock: new ManualClock(change.windowStart), directory, openIncidents, log }, change.id);
  const warnings = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
  return { stored: changes.changes.get(change.id)!, changes, warnings };
}

describe('the window opening', () => {
  it('flags an open incident on one of the change’s services, not on others', async () => {
    const { stored, changes } = await run(async () => [
      { title: 'aaa: nodes NotReady', severity: 'SEV2', services: ['gke'] },
      { title: 'Registry 503s', severity: 'SEV1', services: ['registry'] },
    ]);
    expect(stored.incidentFlags).toEqual(['open SEV2 incident on gke: aaa: nodes NotReady']);
    expect(changes.jobIds()).toEqual(expect.arrayContaining([`change:${stored.id}:say:window`, `change:${stored.id}:say:window:sig-testing`]));
  });

  it('opens anyway when the incidents capability cannot answer (or does not run), and says why in the log', async () => {
    const { stored, warnings } = await run(async () => {
      throw new Error('the incidents capability is not running in this bot');
    });
    expect(stored.windowAnnouncedAt).not.toBeNull();
    expect(stored.incidentFlags).toEqual([]);
    expect(warnings).toEqual(['could not read open incidents; the window opens without that check']);
  });
});
