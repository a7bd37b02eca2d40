import { describe, expect, it } from 'vitest';
import { whoOwnsMessage } from '../../src/ownership/views/who-owns-message.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';

describe('who-owns answer', () => {
  it('owner, runs-on, on-call and facts; names and facts escaped', () => {
    const m = whoOwnsMessage({
      kind: 'found',
      ownership: { kind: 'image', thing: `registry.k8s.io/${HOSTILE}`, owner: { kind: 'sig', sig: 'SIG Network', channel: 'sig-network' }, facts: [`Pushed by ${HOSTILE}`] },
      owner: { title: `SIG ${HOSTILE}`, channel: 'sig-network', oncall: [], note: HOSTILE },
      runBy: { title: 'Container registry (registry)', channel: 'k8s-infra-alerts', oncall: [{ role: 'primary', who: '<@U0UPODROI>' }], usergroup: 'k8s-infra-oncall-registry' },
      problems: [`Google groups unknown: ${HOSTILE}`],
    });
    expect(unescapedHostile(m)).toEqual([]);
    expect(JSON.stringify(m.blocks)).toContain('*On call now:* <@U0UPODROI> (primary), @k8s-infra-oncall-registry');
    expect(m).toMatchSnapshot();
  });

  it('unknown: the closest names and what it knows about', () => {
    const m = whoOwnsMessage({ kind: 'unknown', input: HOSTILE, suggestions: ['gcsweb.k8s.io', 'gs://k8s-artifacts-prod'], problems: [] });
    expect(unescapedHostile(m)).toEqual([]);
    expect(JSON.stringify(m.blocks)).toContain('Did you mean `gcsweb.k8s.io`, `gs://k8s-artifacts-prod`?');
    expect(m).toMatchSnapshot();
  });
});
