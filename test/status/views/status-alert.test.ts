import { describe, expect, it } from 'vitest';
import { statusAlertMessage } from '../../../src/status/views/status-alert.ts';

const registry = { id: 'registry', name: 'registry.k8s.io', sigs: ['sig-k8s-infra', 'sig-release'] };

describe('statusAlertMessage', () => {
  it('says what changed, since when, who owns it and how to look closer', () => {
    const m = statusAlertMessage(
      { serviceId: 'registry', kind: 'problem', from: 'ok', to: 'down', since: new Date('2026-11-24T03:14:00Z'), at: new Date('2026-11-24T03:15:00Z'), detail: 'HTTP 503 (expected 200) <b>' },
      registry,
      'https://bot.k8s.io/status',
    );
    expect(m.text).toBe(':red_circle: Problem: registry.k8s.io is down (was ok) · HTTP 503 (expected 200) &lt;b&gt;');
    expect(m.blocks).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "text": ":red_circle: *Problem: registry.k8s.io is down* (was ok)
      HTTP 503 (expected 200) &lt;b&gt;",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "since 2026-11-24 03:14 UTC (held 1 min) · owned by sig-k8s-infra, sig-release · \`/k8s-infra status registry\` · <https://bot.k8s.io/status|status page>",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
      ]
    `);
  });

  it('words a recovery and a first state', () => {
    const at = new Date('2026-11-24T04:00:00Z');
    expect(statusAlertMessage({ serviceId: 'registry', kind: 'recovery', from: 'down', to: 'ok', since: at, at, detail: 'HTTP 200' }, registry).text).toBe(
      ':large_green_circle: Recovered: registry.k8s.io is ok (was down) · HTTP 200',
    );
    expect(statusAlertMessage({ serviceId: 'registry', kind: 'problem', from: null, to: 'unknown', since: at, at, detail: 'x' }, registry).text).toContain('(was not checked)');
  });
});
