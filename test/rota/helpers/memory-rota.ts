import type { Notifier, OutgoingMessage, PostedMessage } from '../../../src/core/notifier.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { PeopleDirectory } from '../../../src/platform/config/people-directory.ts';
import type { InfraConfig } from '../../../src/platform/config/schema.ts';
import type { Effect } from '../../../src/platform/outbox/effects.ts';
import type { Shadow } from '../../../src/rota/domain/shadow.ts';
import type { RotaChanges } from '../../../src/rota/domain/types.ts';
import { handoffRequest } from '../../../src/rota/jobs/handoff-job.ts';
import type {
  AnnouncementRecord,
  DecideResult,
  NewOverride,
  NewSwap,
  OnCallUsergroup,
  RotaChangesSource,
  RotaCommit,
  RotaReads,
  RotaWrites,
  ShadowSource,
  StoredOverride,
  StoredSwap,
} from '../../../src/rota/ports.ts';
import { RotaModel } from '../../../src/rota/rota-model.ts';
import { DEFAULT_ROTA_SETTINGS } from '../../../src/rota/settings.ts';
import { testConfig } from '../../helpers/test-config.ts';

/**
 * The rota's ports in memory: overrides, swaps and handoff records in arrays, and a commit that
 * applies the writes and keeps the effects it was given (what platform.commit would write).
 */
export class MemoryRota implements RotaChangesSource, ShadowSource, RotaReads, RotaWrites {
  readonly overrides: StoredOverride[] = [];
  readonly shadows: Shadow[] = [];
  readonly swaps: StoredSwap[] = [];
  readonly announcements: AnnouncementRecord[] = [];
  readonly effects: Effect[] = [];

  constructor(
    private readonly subprojects: readonly { id: string; rotations: readonly string[] }[],
    private readonly clock: { now(): Date },
  ) {}

  readonly commit: RotaCommit = async (write) => {
    const out = await write(this, this.clock.now());
    this.effects.push(...out.effects);
    return out.result;
  };

  async forRotation(rotationId: string, from: Date, to: Date): Promise<RotaChanges> {
    const subs = new Set(this.subprojects.filter((s) => s.rotations.includes(rotationId)).map((s) => s.id));
    return {
      overrides: this.overrides.filter((o) => subs.has(o.subprojectId) && o.to > from && o.from < to).map((o) => ({ id: o.id, person: o.person, from: o.from, to: o.to })),
      swaps: this.swaps
        .filter((s) => s.rotationId === rotationId && s.status === 'accepted')
        .map((s) => ({ id: s.id, a: { person: s.requester, shiftStart: s.requesterShift }, b: { person: s.counterpart, shiftStart: s.counterpartShift } })),
    };
  }

  async insertOverride(o: NewOverride, now: Date): Promise<boolean> {
    if (this.overrides.some((x) => x.id === o.id)) return false;
    this.overrides.push({ ...o, createdAt: now });
    return true;
  }

  async insertSwap(s: NewSwap, now: Date): Promise<boolean> {
    if (this.swaps.some((x) => x.id === s.id)) return false;
    this.swaps.push({ ...s, status: 'proposed', createdAt: now });
    return true;
  }

  async insertShadow(s: Shadow): Promise<boolean> {
    if (this.shadows.some((x) => x.key === s.key)) return false;
    this.shadows.push(s);
    return true;
  }

  async getShadow(key: string): Promise<Shadow | undefined> {
    return this.shadows.find((s) => s.key === key);
  }

  async shadowsOf(rotationIds: readonly string[], from: Date, to: Date): Promise<Shadow[]> {
    return this.shadows.filter((s) => rotationIds.includes(s.rotationId) && s.until > from && s.from < to);
  }

  async getSwap(id: string): Promise<StoredSwap | undefined> {
    return this.swaps.find((s) => s.id === id);
  }

  async decideSwap(id: string, decision: 'accepted' | 'declined', by: string, now: Date): Promise<DecideResult> {
    const i = this.swaps.findIndex((s) => s.id === id);
    const swap = this.swaps[i];
    if (!swap) return { kind: 'not-found' };
    if (swap.status !== 'proposed') return { kind: 'already', swap };
    const decided = { ...swap, status: decision, decidedAt: now, decidedBy: by };
    this.swaps[i] = decided;
    return { kind: 'decided', swap: decided };
  }

  async recordAnnouncement(a: AnnouncementRecord): Promise<boolean> {
    if (this.announcements.some((x) => x.subprojectId === a.subprojectId && x.at.getTime() === a.at.getTime())) return false;
    this.announcements.push(a);
    return true;
  }

  async announcementAt(subprojectId: string, at: Date): Promise<AnnouncementRecord | undefined> {
    return this.announcements.find((x) => x.subprojectId === subprojectId && x.at.getTime() === at.getTime());
  }

  async lastAnnouncementBefore(subprojectId: string, before: Date): Promise<AnnouncementRecord | undefined> {
    return this.announcements.filter((x) => x.subprojectId === subprojectId && x.at < before).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  }

  /** The ids of the jobs scheduled so far, and the audit actions, for assertions. */
  scheduledJobIds(): string[] {
    return this.effects.flatMap((e) => (e.kind === 'schedule' ? [e.job.id] : []));
  }

  auditActions(): string[] {
    return this.effects.flatMap((e) => (e.kind === 'audit' ? [e.entry.action] : []));
  }
}

/** A notifier that keeps what it was asked to send. */
export class RecordingNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage }[] = [];
  readonly dms: { user: string; message: OutgoingMessage }[] = [];
  async post(channel: string, message: OutgoingMessage): Promise<PostedMessage> {
    this.posts.push({ channel, message });
    return { channel, ts: String(this.posts.length) };
  }
  async update(): Promise<void> {}
  async dm(user: string, message: OutgoingMessage): Promise<PostedMessage> {
    this.dms.push({ user, message });
    return { channel: `D${user}`, ts: String(this.dms.length) };
  }
  async ephemeral(): Promise<void> {}
  async permalink(): Promise<string | undefined> {
    return undefined;
  }
  dmTexts(user: string): string[] {
    return this.dms.filter((d) => d.user === user).map((d) => d.message.text);
  }
}

export class RecordingUsergroup implements OnCallUsergroup {
  readonly follows: [string, string][] = [];
  async follow(subprojectId: string, slackId: string): Promise<void> {
    this.follows.push([subprojectId, slackId]);
  }
}

const silent = { warn: () => undefined };

/** Everything a rota use case may ask for, over config/infra.yaml and in-memory ports, at `now`. */
export function memoryRotaDeps(now: string, config: InfraConfig = testConfig()) {
  const clock = new ManualClock(now);
  const store = new MemoryRota(config.subprojects, clock);
  const notifier = new RecordingNotifier();
  const usergroup = new RecordingUsergroup();
  const refused: { actor: string; action: string; subject: string; reason: string }[] = [];
  /** Who the use cases asked to have their Home tab republished, in call order. */
  const homeRefreshes: string[][] = [];
  const deps = {
    config,
    people: new PeopleDirectory(config),
    model: new RotaModel(config.rotations, config.subprojects, store, store),
    settings: DEFAULT_ROTA_SETTINGS,
    commit: store.commit,
    handoffAt: handoffRequest,
    announcements: store,
    swaps: store,
    notifier,
    usergroup,
    clock,
    log: silent,
    refusals: { record: async (r: { actor: string; action: 'override' | 'swap.answer'; subject: string; reason: string }) => void refused.push(r) },
    home: { refresh: (who: readonly (string | undefined)[]) => void homeRefreshes.push(who.filter((w): w is string => w !== undefined)) },
  };
  return { deps, store, notifier, usergroup, clock, config, refused, homeRefreshes };
}

/** Slack ids of config/infra.yaml's people. */
export const SLACK = {
  ameukam: 'U0AMEUKAM',
  dims: 'U0DIMS001',
  thockin: 'U0THOCKIN',
  xmudrii: 'U0XMUDRII',
  jimangel: 'U0JIMANGE',
  hh: 'U0HHHHHHH',
  upodroid: 'U0UPODROI',
  nikhita: 'U0NIKHITA',
  bentheelder: 'U0BENTHEE',
} as const;
