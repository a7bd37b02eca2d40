import { describe, expect, it } from 'vitest';
import { botSteps, tickChecklist } from '../../../src/owners/domain/owner-change-steps.ts';

const files = {
  ownersAliases: [{ repo: 'kubernetes/k8s.io', path: 'OWNERS_ALIASES', alias: 'sig-docs-leads', branch: 'main' }],
  ownersFiles: [{ repo: 'kubernetes/website', path: 'OWNERS', list: 'reviewers' as const, branch: 'main' }],
  groups: ['k8s-infra-staging-sig-docs@kubernetes.io'],
};
const hh = { id: 'hh', github: 'hh', email: 'hh@example.org' };

describe('botSteps', () => {
  it('names each configured edit, config first, handles for OWNERS and e-mails for groups', () => {
    const steps = botSteps({ configFile: { repo: 'kubernetes/k8s.io', path: 'infra.yaml', branch: 'main' }, files }, 'add', hh, 'website');
    expect(steps.map((s) => s.text)).toEqual([
      'Pull request: add hh in `owners:` of website in infra.yaml',
      'Pull request: add @hh to the `sig-docs-leads` alias in kubernetes/k8s.io OWNERS_ALIASES',
      'Pull request: add @hh to `reviewers` in kubernetes/website OWNERS',
      'Pull request: add hh@example.org to k8s-infra-staging-sig-docs@kubernetes.io in groups.yaml',
    ]);
    expect(botSteps({ configFile: undefined, files }, 'remove', { id: 'x', github: 'X' }, 'website').map((s) => s.text)).toEqual([
      'Pull request: remove @X from the `sig-docs-leads` alias in kubernetes/k8s.io OWNERS_ALIASES',
      'Pull request: remove @X from `reviewers` in kubernetes/website OWNERS',
    ]);
    expect(botSteps({ configFile: undefined, files: undefined }, 'add', hh, 'website')).toEqual([]);
  });
});

describe('tickChecklist', () => {
  const body = '### After acceptance\n- [ ] Pull request: a\n- [ ] Pull request: b\n- [ ] Merge them\n<!-- marker -->';
  it('ticks what the bot did with its reference, leaves what it could not open with the reason, and is idempotent', () => {
    const results = [
      { text: 'Pull request: a', done: true as const, ref: '#12' },
      { text: 'Pull request: b', done: false as const, reason: 'OWNERS_ALIASES has no alias `x`' },
    ];
    const once = tickChecklist(body, results);
    expect(once).toBe('### After acceptance\n- [x] Pull request: a (#12)\n- [ ] Pull request: b (not done by the bot: OWNERS_ALIASES has no alias `x`)\n- [ ] Merge them\n<!-- marker -->');
    expect(tickChecklist(once, results)).toBe(once);
  });
});
