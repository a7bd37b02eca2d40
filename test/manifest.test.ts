import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { App } from '@slack/bolt';
import type { IdTable } from '../src/platform/capability.ts';
import { CAPABILITIES } from '../src/platform/capabilities.ts';
import { startTestBot } from './helpers/start-test-bot.ts';
import { ListenerTable } from '../src/platform/slack/listener-table.ts';
import { registerAppHomeListener } from '../src/platform/home/app-home-listener.ts';

interface Manifest {
  features: { slash_commands: { command: string; url: string }[]; app_home?: { home_tab_enabled?: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions?: { request_url: string; bot_events: string[] };
    interactivity?: { is_enabled: boolean; request_url: string; message_menu_options_url?: string };
  };
}

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;

/** Registers the real handlers on a recorder standing in for Bolt's App, to see what they listen to. */
async function registeredListeners() {
  const seen = { commands: [] as string[], actions: [] as unknown[], views: [] as unknown[], options: [] as unknown[], events: [] as string[], shortcuts: [] as unknown[] };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    action: (id: unknown) => seen.actions.push(id),
    view: (id: unknown) => seen.views.push(id),
    options: (id: unknown) => seen.options.push(id),
    event: (name: string) => seen.events.push(name),
    shortcut: (id: unknown) => seen.shortcuts.push(id),
    message: () => seen.events.push('message'),
    use: () => undefined,
    error: () => undefined,
  } as unknown as App;
  const bot = await startTestBot();
  try {
    // The capabilities' listeners on the table the bot mounts (the home tab's is the platform's own).
    const table = new ListenerTable();
    for (const { capability } of bot.capabilities) capability.listeners?.(table);
    registerAppHomeListener(table, { publisher: { publish: async () => undefined }, log: { warn: () => undefined } });
    seen.actions.push(...table.ids('action'));
    seen.views.push(...table.ids('view'));
    seen.options.push(...table.ids('options'));
    seen.events.push(...table.ids('event'));
    bot.router.register(recorder);
  } finally {
    await bot.stop();
  }
  return seen;
}

describe('manifest.yml', () => {
  it('declares the slash command, interactivity and events at /slack/events', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/k8s-infra']);
    for (const url of [manifest.features.slash_commands[0]!.url, manifest.settings.interactivity!.request_url, manifest.settings.event_subscriptions!.request_url]) {
      expect(new URL(url).pathname).toBe('/slack/events');
    }
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email']));
  });

  it('has an entry for every listener the handlers register', async () => {
    const seen = await registeredListeners();
    for (const c of seen.commands) expect(manifest.features.slash_commands.map((x) => x.command)).toContain(c);
    if (seen.actions.length + seen.views.length + seen.shortcuts.length > 0) expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    if (seen.options.length > 0) expect(manifest.settings.interactivity?.message_menu_options_url).toBeTruthy();
    for (const e of seen.events) expect(manifest.settings.event_subscriptions?.bot_events).toContain(e === 'message' ? 'message.im' : e);
    if (seen.events.includes('app_home_opened')) expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    expect(seen.commands).toEqual(['/k8s-infra']);
  });
});

describe('the ids of every capability (src/<capability>/ids.ts)', () => {
  const tables: { name: string; ids: IdTable }[] = CAPABILITIES.map((m) => ({ name: m.name, ids: m.ids }));

  it('holds action and callback ids unique across the bot and within Slack’s 255-character limit', () => {
    const ids = tables.flatMap((t) => [...Object.values(t.ids.actions ?? {}), ...Object.values(t.ids.callbacks ?? {})]);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(255);
  });

  it('holds block ids unique within each capability (they only need to be unique within a view)', () => {
    for (const t of tables) {
      const blocks = Object.values(t.ids.blocks ?? {});
      expect(blocks.filter((id, i) => blocks.indexOf(id) !== i), t.name).toEqual([]);
      for (const id of blocks) expect(id.length).toBeLessThanOrEqual(255);
    }
  });
});
