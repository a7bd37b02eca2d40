import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import { isSuperseded } from '../domain/alert-order.ts';
import type { StateTransition } from '../domain/track-service-state.ts';
import type { AlertLock } from '../ports/alert-lock.ts';
import type { StatusReader } from '../ports/status-repository.ts';
import { statusAlertMessage, type AlertService } from '../views/status-alert.ts';

export interface PostStatusAlertDeps {
  /** The configured services (a service removed since is named by its id). */
  services: readonly AlertService[];
  /** Keyed posts: each carries its key, and a retry looks for it before posting again. */
  deliveries: Pick<Notifier, 'post'>;
  /** #k8s-infra-alerts: its id, or its name. */
  alertsChannel: string;
  statusPageUrl: string;
  /** The service's official state now: an alert a newer transition superseded is not posted. */
  states: Pick<StatusReader, 'loadStates'>;
  lock: AlertLock;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Whether a failed post may still have reached the channel (a timeout, a dropped connection). */
  mayHavePosted(err: unknown): boolean;
}

export interface AlertDelivery {
  /** The delivery's key (the job's id): in the message's metadata, so a retry finds it. */
  key: string;
  /**
   * This run of the delivery (worker and attempt): a second run of the same alert (its first
   * replica froze or died with the post in flight) waits for the first one's lock to expire too.
   */
  run: string;
  /** A retry after a failure or a restart: look for the key in the channel before posting. */
  retry: boolean;
  signal?: AbortSignal;
}

/** A post in flight holds the service's lock this long at most (a Slack call answers within 10 s). */
const LOCK_MS = 30_000;
/** After an uncertain failure the lock is kept and the retry waits this long, for a late post to land. */
export const LANDING_GRACE_MS = 15_000;
/**
 * How long a newer alert waits in its job for an older one in flight (a post takes well under a
 * second) before giving its runner slot back and retrying later (an older one in its grace).
 */
const WAIT_MS = 5_000;
const POLL_MS = 100;

export type AlertOutcome = 'posted' | 'superseded';

/**
 * Posts a confirmed state change, once per transition, and in order: one alert of a service is
 * in flight at a time (the service's lock), and an alert whose transition a newer one superseded
 * is not posted at all, so the channel's last word about a service is its current state. A post
 * that may have landed keeps the lock for a grace period and is retried after it, looking for its
 * key first.
 */
export async function postStatusAlert(deps: PostStatusAlertDeps, transition: StateTransition, delivery: AlertDelivery): Promise<AlertOutcome> {
  const service = deps.services.find((s) => s.id === transition.serviceId) ?? { id: transition.serviceId, name: transition.serviceId, sigs: [] };
  await takeLock(deps, transition.serviceId, delivery);
  let keepLockUntil: Date | undefined;
  try {
    const [current] = await deps.states.loadStates([transition.serviceId]);
    if (isSuperseded(current, transition)) {
      deps.log.info({ service: transition.serviceId, key: delivery.key, now: current?.state }, 'status alert superseded by a newer state; not posted');
      return 'superseded';
    }
    await deps.deliveries.post(deps.alertsChannel, statusAlertMessage(transition, service, deps.statusPageUrl), { key: delivery.key, checkFirst: delivery.retry });
    return 'posted';
  } catch (err) {
    if (!deps.mayHavePosted(err)) throw err;
    // Slack may still post it: no newer alert of this service goes out before the retry looks.
    keepLockUntil = new Date(deps.clock.now().getTime() + LANDING_GRACE_MS);
    await deps.lock.acquire(transition.serviceId, delivery.run, keepLockUntil, deps.clock.now()).catch(() => false);
    throw Object.assign(new Error(`status alert ${delivery.key} may or may not have been posted (${err instanceof Error ? err.message : String(err)}); retrying after ${LANDING_GRACE_MS / 1000} s`, { cause: err }), {
      retryAfter: LANDING_GRACE_MS / 1000,
    });
  } finally {
    if (!keepLockUntil) await deps.lock.release(transition.serviceId, delivery.run).catch((err: unknown) => deps.log.warn({ err, service: transition.serviceId }, 'could not release a status alert lock'));
  }
}

/** Waits (a little, in the job) while an older alert of the service is in flight; then gives up, to retry later. */
async function takeLock(deps: Pick<PostStatusAlertDeps, 'lock' | 'clock'>, serviceId: string, delivery: AlertDelivery): Promise<void> {
  const deadline = performance.now() + WAIT_MS;
  for (;;) {
    const now = deps.clock.now();
    if (await deps.lock.acquire(serviceId, delivery.run, new Date(now.getTime() + LOCK_MS), now)) return;
    if (performance.now() > deadline || delivery.signal?.aborted) throw Object.assign(new Error(`another alert of ${serviceId} is being posted; retrying`), { retryAfter: 2 });
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
