import { describe, expect, it } from 'vitest';
import type { PageState } from '../../../src/escalation/domain/page-state.ts';
import { PeopleDirectory } from '../../../src/platform/config/people-directory.ts';
import { buildOpenSummary } from '../../../src/reports/use-cases/build-open-summary.ts';
import { testConfig } from '../../helpers/test-config.ts';

const NOW = new Date('2026-12-07T07:00:00Z');
const people = new PeopleDirectory(testConfig());
const page = (over: Partial<PageState>): PageState => ({ id: 'p1', subprojectId: 'registry', severity: 'critical', summary: 'registry.k8s.io 503s', status: 'triggered', createdAt: '2026-12-07T06:00:00.000Z', ...over }) as PageState;
const notRunning = () => {
  throw new Error('the incidents capability is not running in this bot');
};

describe('buildOpenSummary', () => {
  it('lists unresolved pages with who acknowledged them (a person mentioned, a PagerDuty name escaped)', async () => {
    const m = await buildOpenSummary(
      {
        paging: () => ({ openPages: async () => [page({}), page({ id: 'p2', status: 'acknowledged', acknowledgedBy: 'dims' }), page({ id: 'p3', status: 'acknowledged', acknowledgedBy: 'Pat <PD>' }), page({ id: 'p4', status: 'resolved' })] }),
        incidents: () => ({ openIncidents: async () => [] }),
        people,
      },
      { now: NOW, timezone: 'Europe/Berlin' },
    );
    const body = JSON.stringify(m.blocks);
    expect(m.text).toBe('Open: 3 pages, 0 incidents');
    expect(body).toContain('*not acknowledged*, open 1 h');
    expect(body).toContain('acknowledged by <@U0DIMS001>');
    expect(body).toContain('acknowledged by Pat &lt;PD&gt;');
  });

  it('a capability this bot does not run is said, not shown as "none"; a failed read retries the job', async () => {
    const m = await buildOpenSummary({ paging: () => ({ openPages: async () => [] }), incidents: notRunning, people }, { now: NOW, timezone: 'UTC' });
    expect(m.text).toBe('Open: 0 pages, ? incidents');
    await expect(
      buildOpenSummary({ paging: () => ({ openPages: async () => Promise.reject(new Error('database unavailable')) }), incidents: notRunning, people }, { now: NOW, timezone: 'UTC' }),
    ).rejects.toThrow('database unavailable');
  });
});
