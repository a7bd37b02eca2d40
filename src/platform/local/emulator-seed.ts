import type { InfraConfig } from '../config/schema.ts';

export interface SeedUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  email: string;
}

export interface SeedChannel {
  id: string;
  name: string;
  members: string[];
}

function channelId(name: string, index: number): string {
  return `C${(index + 1).toString().padStart(3, '0')}${name.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 6)}`;
}

/** The people and channels of the config, as the emulator's users and public channels. */
export function emulatorSeedFromConfig(config: InfraConfig): { users: SeedUser[]; channels: SeedChannel[] } {
  const users = config.people.map((p) => ({ id: p.slack, name: p.id, real_name: p.name, tz: p.timezone, email: p.email }));
  const names = new Map<string, string | undefined>();
  names.set(config.channels.announcements.name, config.channels.announcements.id);
  names.set(config.channels.alerts.name, config.channels.alerts.id);
  for (const s of config.subprojects) if (!names.has(s.channel)) names.set(s.channel, undefined);
  for (const o of config.outOfScope) if (!names.has(o.channel)) names.set(o.channel, undefined);
  const everyone = users.map((u) => u.id);
  const channels = [...names.entries()].map(([name, id], i) => ({ id: id ?? channelId(name, i), name, members: everyone }));
  return { users, channels };
}
