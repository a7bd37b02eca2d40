import { describe, expect, it } from 'vitest';
import { lazyModule, warmBeforeReady, warmRegisteredModules } from '../../src/core/lazy-module.ts';

describe('lazyModule', () => {
  it('loads on the first call only, and shares that load between concurrent callers', async () => {
    let loads = 0;
    const get = lazyModule(async () => ({ n: ++loads }));
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toEqual({ n: 1 });
    expect(loads).toBe(1);
  });

  it('retries a load that failed on the next call', async () => {
    let attempt = 0;
    const get = lazyModule(async () => {
      attempt++;
      if (attempt === 1) throw new Error('not yet');
      return attempt;
    });
    await expect(get()).rejects.toThrow('not yet');
    expect(await get()).toBe(2);
  });

  it('warms what was registered, reporting failures without throwing', async () => {
    let warmed = false;
    warmBeforeReady(lazyModule(async () => (warmed = true)));
    warmBeforeReady(async () => {
      throw new Error('client library missing');
    });
    expect(await warmRegisteredModules()).toContain('client library missing');
    expect(warmed).toBe(true);
  });
});
