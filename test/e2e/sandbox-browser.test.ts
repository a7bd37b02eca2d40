import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchChromium } from '../helpers/browser.ts';
import { startLocalModeBot, type TestBot } from '../helpers/start-test-bot.ts';

describe.runIf(browserAvailable)('sandbox page in Chromium (local mode)', () => {
  let bot: TestBot;
  let browser: Browser;
  beforeAll(async () => {
    bot = await startLocalModeBot();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('lets a person type /k8s-infra help and see the answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${bot.url.replace('127.0.0.1', 'localhost')}/sandbox`);
    await page.locator('[data-testid=channel-wg-k8s-infra]').click();
    await page.fill('#command', '/k8s-infra help');
    await page.click('#send');
    const answer = page.locator('.message.ephemeral').last();
    await answer.waitFor({ timeout: 10_000 });
    await expect.poll(() => answer.innerText(), { timeout: 10_000 }).toContain('/k8s-infra page registry');
    expect(await answer.innerText()).toContain('/k8s-infra oncall dns');
    expect(errors).toEqual([]);
  });

  it('acts as another person from the config and answers typos with the closest match', async () => {
    const page = await browser.newPage();
    await page.goto(`${bot.url}/sandbox`);
    const options = await page.locator('#as option').allInnerTexts();
    expect(options.join(' ')).toContain('Tim Hockin');
    await page.selectOption('#as', { label: options.find((o) => o.includes('Tim Hockin'))! });
    await page.locator('[data-testid=channel-k8s-infra-alerts]').click();
    await page.fill('#command', '/k8s-infra stauts');
    await page.click('#send');
    await expect.poll(() => page.locator('.message.ephemeral').last().innerText(), { timeout: 10_000 }).toContain('Did you mean');
  });
});
