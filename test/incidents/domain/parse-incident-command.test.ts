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
  ])('%j', (text, expected) => {
    expect(parseIncidentCommand(text)).toEqual(expected);
  });

  it('explains bad input', () => {
    expect(parseIncidentCommand('role dims boss')).toMatchObject({ kind: 'error', message: expect.stringContaining('role @user') });
    expect(parseIncidentCommand('severity SEV9')).toMatchObject({ kind: 'error' });
    expect(parseIncidentCommand('frobnicate')).toMatchObject({ kind: 'error', message: expect.stringContaining("don't know") });
  });
});
