import { describe, expect, it } from 'vitest';
import type { StateTransition, TrackedServiceState } from '../../../src/status/domain/track-service-state.ts';
import { LANDING_GRACE_MS, postStatusAlert } from '../../../src/status/use-cases/post-status-alert.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { alertDeps } from '../helpers/alert-deps.ts';

const gcb = { id: 'gcb', name: 'Cloud Build', sigs: ['sig-release'] };
const at = (m: number) => new Date(Date.parse('2026-11-24T03:00:00Z') + m * 60_000);
const down: StateTransition = { serviceId: 'gcb', kind: 'change', from: 'degraded', to: 'down', since: at(13), at: at(15), detail: '51 failed builds in the last 1 h' };
const recovered: StateTransition = { serviceId: 'gcb', kind: 'recovery', from: 'down', to: 'ok', since: at(20), at: at(22), detail: 'no failed builds' };

function officially(t: StateTransition): TrackedServiceState {
  return { serviceId: t.serviceId, state: t.to, since: t.since, pending: null, pendingCount: 0, pendingSince: null, lastState: t.to, lastDetail: t.detail, lastCheckedAt: t.at, pageOpen: false };
}

describe('postStatusAlert', () => {
  it('posts the transition to the alerts channel, keyed, with the owners and a link to the status page', async () => {
    const { deps, deliveries, states, lock } = alertDeps([gcb]);
    states.states.set('gcb', officially(down));
    expect(await postStatusAlert(deps, down, { key: 'status-alert:gcb:1', run: 'status-alert:gcb:1#1', retry: false })).toBe('posted');
    expect(deliveries.posts.map((p) => [p.channel, p.key, p.message.text])).toEqual([['C0ALERTS', 'status-alert:gcb:1', ':red_circle: Changed: Cloud Build is down (was degraded) · 51 failed builds in the last 1 h']]);
    const footer = JSON.stringify(deliveries.posts[0]!.message.blocks);
    expect(footer).toContain('owned by sig-release');
    expect(footer).toContain('<https://bot.k8s.io/status|status page>');
    expect(lock.held.size).toBe(0);
    // Retried (the job ran again after a crash): found, not posted again.
    await postStatusAlert(deps, down, { key: 'status-alert:gcb:1', run: 'status-alert:gcb:1#2', retry: true });
    expect(deliveries.posts).toHaveLength(1);
  });

  it('does not post an alert a newer transition superseded: the channel’s last word is the current state', async () => {
    const { deps, deliveries, states } = alertDeps([gcb]);
    states.states.set('gcb', officially(recovered));
    expect(await postStatusAlert(deps, recovered, { key: 'status-alert:gcb:recovered', run: 'status-alert:gcb:recovered#1', retry: false })).toBe('posted');
    // The down alert's job comes back late (a replica killed while it ran): it says nothing.
    expect(await postStatusAlert(deps, down, { key: 'status-alert:gcb:down', run: 'status-alert:gcb:down#2', retry: true })).toBe('superseded');
    expect(deliveries.posts.map((p) => p.key)).toEqual(['status-alert:gcb:recovered']);
  });

  it('waits while an older alert of the service is in flight, and keeps the lock past a post that may have landed', async () => {
    const { deps, deliveries, states, lock, clock } = alertDeps([gcb]);
    states.states.set('gcb', officially(down));
    let land: (() => void) | undefined;
    const post = deliveries.post.bind(deliveries);
    deliveries.post = (channel, message, delivery) =>
      new Promise((resolve, reject) => {
        land = () => void post(channel, message, delivery).then(resolve, reject);
      });
    const older = postStatusAlert(deps, down, { key: 'status-alert:gcb:down', run: 'status-alert:gcb:down#1', retry: false });
    await expect.poll(() => land !== undefined).toBe(true);
    deliveries.post = post;
    states.states.set('gcb', officially(recovered));
    const newer = postStatusAlert(deps, recovered, { key: 'status-alert:gcb:recovered', run: 'status-alert:gcb:recovered#1', retry: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(deliveries.posts).toEqual([]);
    land!();
    expect(await older).toBe('posted');
    expect(await newer).toBe('posted');
    expect(deliveries.posts.map((p) => p.key)).toEqual(['status-alert:gcb:down', 'status-alert:gcb:recovered']);

    // A dropped connection: Slack may have posted it. The lock is kept for the grace period and the job retries after it.
    deliveries.post = async () => {
      throw new Error('socket hang up');
    };
    const failed = await postStatusAlert(deps, recovered, { key: 'status-alert:gcb:again', run: 'status-alert:gcb:again#1', retry: false }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ retryAfter: LANDING_GRACE_MS / 1000 });
    expect(lock.held.get('gcb')).toEqual({ holder: 'status-alert:gcb:again#1', until: clock.now().getTime() + LANDING_GRACE_MS });
    // Its retry is another run: it waits out the grace like anyone else (a late post lands first).
    clock.advance(LANDING_GRACE_MS);
    // Slack refused it for sure (a 429): nothing to wait for.
    deliveries.post = async () => {
      throw new Error('ratelimited');
    };
    await expect(postStatusAlert(deps, recovered, { key: 'status-alert:gcb:again', run: 'status-alert:gcb:again#2', retry: true })).rejects.toThrow('ratelimited');
    expect(lock.held.size).toBe(0);
  });

  it('a second run of the same alert (its first replica froze with the post in flight) waits, then finds the post', async () => {
    const { deps, deliveries, states } = alertDeps([gcb]);
    states.states.set('gcb', officially(down));
    let land: (() => void) | undefined;
    const post = deliveries.post.bind(deliveries);
    deliveries.post = (channel, message, delivery) =>
      new Promise((resolve, reject) => {
        land = () => void post(channel, message, delivery).then(resolve, reject);
      });
    const frozen = postStatusAlert(deps, down, { key: 'status-alert:gcb:down', run: 'status-alert:gcb:down#replica-a:1', retry: false });
    await expect.poll(() => land !== undefined).toBe(true);
    deliveries.post = post;
    const takenOver = postStatusAlert(deps, down, { key: 'status-alert:gcb:down', run: 'status-alert:gcb:down#replica-b:2', retry: true });
    await new Promise((r) => setTimeout(r, 300));
    land!();
    expect(await frozen).toBe('posted');
    expect(await takenOver).toBe('posted');
    expect(deliveries.posts).toHaveLength(1);
  });

  it('escapes the probe’s detail (third-party text) and the service name', async () => {
    const { deps, deliveries } = alertDeps([{ ...gcb, name: `Cloud <b>Build</b>` }]);
    await postStatusAlert(deps, { ...down, detail: `HTTP 503: ${HOSTILE}\n> quoted` }, { key: 'k', run: 'k#1', retry: false });
    expect(unescapedHostile(deliveries.posts)).toEqual([]);
    expect(deliveries.posts[0]!.message.text).toContain('Cloud &lt;b&gt;Build&lt;/b&gt;');
    expect(deliveries.posts[0]!.message.text).not.toContain('\n');
  });
});
