import { describe, expect, it } from 'vitest';
import { formatConfigError, parseConfig } from '../../../src/platform/config/load-config.ts';

function config(rotation: string): string {
  return `leads: [alice]
channels:
  announcements: { name: wg-k8s-infra }
  alerts: { name: k8s-infra-alerts }
people:
  - id: alice
    name: Alice
    slack: U0ALICE01
    github: alice
    email: alice@example.org
    timezone: Europe/Berlin
    affiliation: Company A
subprojects:
  - id: dns
    name: DNS
    owners: [alice]
    channel: k8s-infra-alerts
    rotations: [dns-primary]
rotations:
  - id: dns-primary
${rotation}
slack: { teamId: T09NY5SBT }
`;
}

const errorsOf = (text: string) => {
  const r = parseConfig(text, 'infra.yaml');
  return r.ok ? [] : r.errors.map(formatConfigError);
};

describe('rotation config errors, reported by the real loader with file:line', () => {
  it('accepts a valid rotation', () => {
    const r = parseConfig(
      config(`    participants: [alice]
    shift: { length: 1, unit: weeks }
    handoff: { time: "09:00", timezone: Europe/Berlin }
    start: "2026-01-05T09:00:00+01:00"
`),
      'infra.yaml',
    );
    expect(r.ok).toBe(true);
  });

  it('an invalid timezone', () => {
    expect(
      errorsOf(
        config(`    participants: [alice]
    shift: { length: 1, unit: weeks }
    handoff: { time: "09:00", timezone: Europe/Berlni }
    start: "2026-01-05T09:00:00+01:00"
`),
      ),
    ).toEqual(['infra.yaml:23: rotations[0].handoff.timezone: not a valid IANA timezone (e.g. Europe/Berlin)']);
  });

  it('zero participants', () => {
    expect(
      errorsOf(
        config(`    participants: []
    shift: { length: 1, unit: weeks }
    handoff: { time: "09:00", timezone: Europe/Berlin }
    start: "2026-01-05T09:00:00+01:00"
`),
      ),
    ).toEqual(['infra.yaml:21: rotations[0].participants: a rotation needs at least one participant']);
  });

  it('a participant not in the people list', () => {
    expect(
      errorsOf(
        config(`    participants: [alice, bob]
    shift: { length: 1, unit: weeks }
    handoff: { time: "09:00", timezone: Europe/Berlin }
    start: "2026-01-05T09:00:00+01:00"
`),
      ),
    ).toEqual(['infra.yaml:21: rotations[0].participants[1]: unknown person "bob"']);
  });

  it('a start that is not at the handoff time', () => {
    expect(
      errorsOf(
        config(`    participants: [alice]
    shift: { length: 1, unit: weeks }
    handoff: { time: "09:00", timezone: Europe/Berlin }
    start: "2026-01-05T10:00:00+01:00"
`),
      ),
    ).toEqual(['infra.yaml:24: rotations[0].start: start must be a handoff (09:00 Europe/Berlin); did you mean "2026-01-05T09:00:00+01:00"?']);
  });
});
