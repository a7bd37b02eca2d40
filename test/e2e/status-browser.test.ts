import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfigOrThrow } from '../../src/platform/config/load-config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { statusModule } from '../../src/status/capability.ts';
import type { ProbeState } from '../../src/status/domain/probe.ts';
import { trackServiceState } from '../../src/status/domain/track-service-state.ts';
import { browserAvailable, launchChromium } from '../helpers/browser.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { statusRepositoryOn } from '../status/helpers/status-store.ts';

const NOW = Date.parse('2026-11-24T03:12:00Z');
const MINUTE = 60_000;

/** A day of rounds every 10 minutes: registry down for the last 40 minutes, GKE unreadable, the rest ok. */
async function seed(store: Store, config: InfraConfig): Promise<void> {
  const repo = statusRepositoryOn(store);
  for (let t = NOW - 24 * 60 * MINUTE; t <= NOW; t += 10 * MINUTE) {
    for (const s of config.services) {
      const state: ProbeState = s.id === 'registry' && t > NOW - 40 * MINUTE ? 'down' : s.id === 'gke' ? 'unknown' : 'ok';
      const detail = state === 'down' ? 'HTTP 503 (expected 200)' : state === 'unknown' ? "permission denied reading GKE cluster aaa (check the bot's IAM roles)" : 'HTTP 200';
      const check = { serviceId: s.id, state, detail, checkedAt: new Date(t), probes: [] };
      const prev = (await repo.loadStates([s.id]))[0];
      const tracked = trackServiceState(prev, check, { pageOnDown: false });
      await repo.saveCheck({ check, state: tracked.next }, [], { previousCheckedAt: prev?.lastCheckedAt ?? null });
    }
  }
}

describe.runIf(browserAvailable)('GET /status in Chromium', () => {
  const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    // Migrated by the bot, for the one capability it runs.
    const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    h = await startHarness({ config, store, clock: new ManualClock(NOW), capabilities: [statusModule({ settings: { scheduled: false } })] });
    await seed(store, config);
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows a person every service with its state, last check, uptime and owners', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(`${h.bot.url}/status`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('infrastructure status');
    await expect.poll(() => page.locator('.banner').innerText()).toBe('Some services are down');
    const items = page.locator('li');
    expect(await items.count()).toBe(config.services.length);
    const registry = page.locator('li#registry');
    expect(await registry.isVisible()).toBe(true);
    const text = await registry.innerText();
    expect(text).toContain('registry.k8s.io');
    expect(text).toMatch(/Down for 3\d min/);
    expect(text).toContain('HTTP 503 (expected 200)');
    expect(text).toContain('2026-11-24 03:12 UTC');
    expect(text).toMatch(/Uptime 24 h\s+97\.\d\d%/);
    expect(text).toContain('sig-k8s-infra, sig-release');
    expect(await page.locator('li#gke .state').innerText()).toBe('Unknown for 1 d');
    expect(await page.locator('li#website .state').innerText()).toMatch(/^Operational/);
    // The down service is red, an operational one green: colour carries the state too.
    const color = (sel: string) => page.locator(sel).evaluate((el) => getComputedStyle(el).color);
    expect(await color('li#registry .state')).not.toBe(await color('li#website .state'));
    expect(errors).toEqual([]);
    // Nothing about people: no e-mail addresses, phone numbers or Slack ids on the public page.
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}|\+\d{7,}|\bU0[A-Z0-9]{6,}\b/);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, deviceScaleFactor: 2 });
    await page.goto(`${h.bot.url}/status`);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const box = await page.locator('li#registry').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(await page.locator('li#registry .name').isVisible()).toBe(true);
    expect(await page.locator('li#registry .state').isVisible()).toBe(true);
    const fontSize = await page.locator('li#registry .detail').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(14);
  });
});
