import { describe, expect, it } from 'vitest';
import { postStatusAlert } from '../../../src/status/use-cases/post-status-alert.ts';
import { RecordingNotifier } from '../helpers/recording-notifier.ts';

describe('postStatusAlert', () => {
  it('posts the transition to the alerts channel, with the owners and a link to the status page', async () => {
    const notifier = new RecordingNotifier();
    const at = new Date('2026-11-24T03:15:00Z');
    await postStatusAlert(
      { services: [{ id: 'gcb', name: 'Cloud Build', sigs: ['sig-release'] }], notifier, alertsChannel: 'C0ALERTS', statusPageUrl: 'https://bot.k8s.io/status' },
      { serviceId: 'gcb', kind: 'change', from: 'degraded', to: 'down', since: new Date('2026-11-24T03:13:00Z'), at, detail: '51 failed builds in the last 1 h' },
    );
    expect(notifier.posts.map((p) => [p.channel, p.message.text])).toEqual([['C0ALERTS', ':red_circle: Changed: Cloud Build is down (was degraded) · 51 failed builds in the last 1 h']]);
    const footer = JSON.stringify(notifier.posts[0]!.message.blocks);
    expect(footer).toContain('owned by sig-release');
    expect(footer).toContain('<https://bot.k8s.io/status|status page>');
  });
});
