import { describe, expect, it } from 'vitest';
import { parseIncidentCommand } from '../../../src/incidents/domain/parse-incident-command.ts';

describe('parseIncidentCommand', () => {
  it.each([
    ['', { kind: 'declare' }],
    ['declare', { kind: 'declare' }],
    ['update', { kind: 'update', message: '' }],
    ['update monitoring fix rolled out', { kind: 'update', status: 'monitoring', message: 'fix rolled out' }],
    ['update Identified', { kind: 'update', status: 'identified', message: '' }],
    ['update cdn looks odd', { kind: 'update', message: 'cdn looks odd' }],
    ['role <@U0DIMS001|dims> comms', { kind: 'role', userId: 'U0DIMS001', role: 'comms' }],
    ['role commander <@U0DIMS001>', { kind: 'role', userId: 'U0DIMS001', role: 'commander' }],
    ['severity sev1', { kind: 'severity', severity: 'SEV1' }],
    ['severity 3', { kind: 'severity', severity: 'SEV3' }],
    ['resolve', { kind: 'resolve', summary: '' }],
    ['resolve cert renewed', { kind: 'resolve', summary: 'cert renewed' }],
    ['list', { kind: 'list' }],
    // Slack's formatting of what was typed, read back as the plain text it shows.
    ['update identified a &lt; b &amp;&amp; c &gt; d', { kind: 'update', status: 'identified', message: 'a < b && c > d' }],
    ['update identified ask <@U0DIMS001|dims> and <!subteam^S0LEADS|@leads>, see <https://x.k8s.io/a|the doc> in <#C0ABC|wg-k8s-infra> <!here>', { kind: 'update', status: 'identified', message: 'ask @dims and @leads, see the doc (https://x.k8s.io/a) in #wg-k8s-infra @here' }],
    ['resolve fixed, see <https://github.com/kubernetes/k8s.io/pull/1>', { kind: 'resolve', summary: 'fixed, see https://github.com/kubernetes/k8s.io/pull/1' }],
  ])('%j', (text, expected) => {
    expect(parseIncidentCommand(text)).toEqual(expected);
  });

  it('explains bad input', () => {
    expect(parseIncidentCommand('role dims boss')).toMatchObject({ kind: 'error', message: expect.stringContaining('role @user') });
    expect(parseIncidentCommand('severity SEV9')).toMatchObject({ kind: 'error' });
    expect(parseIncidentCommand('frobnicate')).toMatchObject({ kind: 'error', message: expect.stringContaining("don't know") });
  });

  it('echoes an unknown verb escaped and short: it never pings anyone', () => {
    const r = parseIncidentCommand('<!channel> now');
    expect(r).toMatchObject({ kind: 'error', message: expect.stringContaining("I don't know `incident @channel`") });
    expect(JSON.stringify(parseIncidentCommand(`${'x'.repeat(200)}<!here>`))).not.toContain('<!here>');
  });
});
