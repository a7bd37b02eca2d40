import { describe, expect, it } from 'vitest';
import { createOnCallService } from '../../src/rota/on-call-service.ts';
import { pagingConfig } from '../escalation/paging-fixture.ts';

describe('createOnCallService over config/infra.yaml', () => {
  const service = createOnCallService(pagingConfig());

  it('takes the first layer with someone on call (registry at night: the fallback layer), with its next-shift secondary', async () => {
    expect(await service.onCall('registry', new Date('2026-11-24T03:12:00Z'))).toEqual({ primary: 'nikhita', secondary: 'bentheelder', rotationId: 'registry-fallback', layer: 2 });
  });

  it('takes the EMEA layer during London business hours', async () => {
    const r = await service.onCall('registry', new Date('2026-11-24T10:00:00Z'));
    expect(r.rotationId).toBe('registry-emea');
    expect(['upodroid', 'ameukam']).toContain(r.primary);
  });

  it('answers nobody for a subproject with no rotation', async () => {
    expect(await service.onCall('apps', new Date('2026-11-24T03:12:00Z'))).toEqual({});
  });

  it('applies overrides from the changes source', async () => {
    const withOverride = createOnCallService(pagingConfig(), {
      forRotation: async (rotationId) => (rotationId === 'registry-fallback' ? { overrides: [{ person: 'hh', from: new Date('2026-11-24T00:00:00Z'), to: new Date('2026-11-25T00:00:00Z') }] } : {}),
    });
    expect((await withOverride.onCall('registry', new Date('2026-11-24T03:12:00Z'))).primary).toBe('hh');
  });

  it('keeps the secondary when an override makes the next participant primary (upodroid covers ameukam’s dns week)', async () => {
    const covered = createOnCallService(pagingConfig(), {
      forRotation: async (rotationId) => (rotationId === 'dns-primary' ? { overrides: [{ person: 'upodroid', from: new Date('2026-12-08T10:00:00Z'), to: new Date('2026-12-14T08:00:00Z') }] } : {}),
    });
    expect(await covered.onCall('dns', new Date('2026-12-08T12:00:00Z'))).toEqual({ primary: 'upodroid', secondary: 'xmudrii', rotationId: 'dns-primary', layer: 0 });
  });
});
