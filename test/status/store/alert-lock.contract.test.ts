import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { LeaseAlertLock } from '../../../src/status/store/alert-lock.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { MemoryAlertLock } from '../helpers/alert-deps.ts';

const T0 = new Date('2026-11-24T03:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe.each([...testDatabases.map((d) => ({ name: d.name, open: () => d.open() })), { name: 'memory (the tests’ reference)', open: async () => undefined }])('the status alert lock on $name', (rig) => {
  let store: Store | undefined;
  let lock: LeaseAlertLock | MemoryAlertLock;
  beforeEach(async () => {
    store = await rig.open();
    lock = store ? new LeaseAlertLock(store.db) : new MemoryAlertLock();
  });
  afterEach(async () => {
    await store?.close();
  });

  it('is held by one delivery at a time, per service, until released or expired; its holder may take it again', async () => {
    expect(await lock.acquire('registry', 'alert-a', at(30), at(0))).toBe(true);
    expect(await lock.acquire('registry', 'alert-b', at(31), at(1))).toBe(false);
    expect(await lock.acquire('dns', 'alert-b', at(31), at(1))).toBe(true);
    expect(await lock.acquire('registry', 'alert-a', at(45), at(2))).toBe(true);
    // Another delivery's release does nothing.
    await lock.release('registry', 'alert-b');
    expect(await lock.acquire('registry', 'alert-b', at(50), at(40))).toBe(false);
    // A holder that died: the lock is free once its time has passed.
    expect(await lock.acquire('registry', 'alert-b', at(80), at(45))).toBe(true);
    await lock.release('registry', 'alert-b');
    expect(await lock.acquire('registry', 'alert-c', at(90), at(46))).toBe(true);
  });

  it('gives a free lock to exactly one of many deliveries asking at once', async () => {
    const asks = await Promise.all(Array.from({ length: 8 }, (_, i) => lock.acquire('registry', `alert-${i}`, at(30), at(0))));
    expect(asks.filter(Boolean)).toHaveLength(1);
  });
});
