import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.ts';
import type { PeopleDirectory } from '../config/people-directory.ts';
import { composeHome, type ComposedSection } from './compose-home.ts';
import type { HomeContribution, HomeRefresher, HomeViewer } from './home-contract.ts';

/** A section slower than this shows "could not load": the Home tab never waits on one capability. */
export const HOME_SECTION_TIMEOUT_MS = 3000;
/** Changes to one person within this window publish their Home tab once. */
export const HOME_REFRESH_DEBOUNCE_MS = 1500;

export interface HomePublisherDeps {
  /** Read at each build: the capabilities are defined after the platform they are given. */
  contributions: () => readonly HomeContribution[];
  people: Pick<PeopleDirectory, 'person' | 'bySlackId'>;
  slack: Pick<WebClient, 'views'>;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
  debounceMs?: number;
  sectionTimeoutMs?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Builds and publishes Home tabs: on `app_home_opened`, and (debounced, coalesced per person)
 * when a capability says something about someone changed. Every section is read outside any
 * transaction, and the one network call, views.publish, is bounded by the Slack client's timeout.
 */
export class HomePublisher implements HomeRefresher {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: HomePublisherDeps) {}

  /** The blocks of one person's Home tab (never throws: a failing section is a line saying so). */
  async build(slackUserId: string, now: Date): Promise<ReturnType<typeof composeHome>> {
    const person = this.deps.people.bySlackId(slackUserId);
    const viewer: HomeViewer = { slackUserId, ...(person ? { personId: person.id } : {}) };
    const sections = await Promise.all(
      this.deps.contributions().map(async (c): Promise<ComposedSection | undefined> => {
        try {
          const blocks = await withTimeout(c.blocks(viewer, now), this.deps.sectionTimeoutMs ?? HOME_SECTION_TIMEOUT_MS);
          return blocks && blocks.length > 0 ? { kind: 'ok', title: c.title, seeMore: c.seeMore, blocks } : undefined;
        } catch (err) {
          this.deps.log.warn({ err: (err as Error).message, section: c.title }, 'home: a section could not be loaded');
          return { kind: 'failed', title: c.title, seeMore: c.seeMore };
        }
      }),
    );
    const zone = person?.timezone ?? 'UTC';
    const updated = `Updated ${DateTime.fromJSDate(now, { zone }).toFormat('ccc d LLL, HH:mm')} (${zone}) · times below are in ${zone}`;
    const greeting = person ? `Your week, ${person.name}` : 'k8s-infra on call';
    return composeHome({ greeting, updated, sections: sections.filter((s): s is ComposedSection => s !== undefined) });
  }

  /** Builds and publishes one person's Home tab now. */
  async publish(slackUserId: string): Promise<void> {
    const blocks = await this.build(slackUserId, this.deps.clock.now());
    await this.deps.slack.views.publish({ user_id: slackUserId, view: { type: 'home', blocks } });
  }

  refresh(who: readonly (string | undefined)[]): void {
    if (this.stopped) return;
    for (const id of who) {
      if (!id) continue;
      const slackId = this.deps.people.person(id)?.slack ?? (this.deps.people.bySlackId(id) || /^[UW][A-Z0-9]{2,}$/.test(id) ? id : undefined);
      if (slackId) this.pending.add(slackId);
    }
    if (this.pending.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.flush());
    }, this.deps.debounceMs ?? HOME_REFRESH_DEBOUNCE_MS);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    for (const slackId of batch) {
      if (this.stopped) return;
      await this.publish(slackId).catch((err: unknown) => this.deps.log.warn({ err: (err as Error).message, user: slackId }, 'home: could not publish a Home tab'));
    }
  }

  /** Waits for publishing in flight; what is still pending is dropped (the next open rebuilds it). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
