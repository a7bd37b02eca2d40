import { describe, expect, it } from 'vitest';
import { parseGithubCommands } from '../../../src/changes/domain/github-commands.ts';
import { commentKey, holdComment, issueBody, issueMarker, issueMarkerPrefix, issueTitle, markerOf, parseIssueMarker, quoteUserText } from '../../../src/changes/domain/github-text.ts';
import { mailtoLink, noticeFor } from '../../../src/changes/domain/notice-text.ts';
import { parsePrUrl } from '../../../src/changes/domain/pr-url.ts';
import { HOSTILE } from '../../helpers/hostile.ts';
import { announced, T0 } from '../helpers/change-fixtures.ts';

const deadline = new Date('2026-04-13T12:00:00Z');
const ctx = { serviceNames: ['GKE clusters'], sigNames: ['SIG K8s Infra'], reviewsNeeded: ['SIG Testing'], notice: { to: 'dev@kubernetes.io' }, deadline, start: T0, deadlineNotes: ['5 working days'], approvers: ['ameukam'] };

describe('what the bot writes on GitHub', () => {
  it('quotes user text, so no line is a Prow command run with the bot’s rights and nobody is pinged', () => {
    const quoted = quoteUserText('/lgtm\n/approve\n@kubernetes/sig-k8s-infra-leads please\n<!-- hidden -->');
    expect(quoted).toBe('> /lgtm\n> /approve\n> &#64;kubernetes/sig-k8s-infra-leads please\n> &lt;!-- hidden -->');
    const body = issueBody({ ...announced(), description: `${HOSTILE}\n/close`, rollbackPlan: '' }, ctx);
    expect(body).not.toMatch(/^\/close/m);
    expect(body).toContain('> (none given)');
    expect(body).not.toContain('@U0DIMS001');
  });

  it('titles the issue as the community does, and says the deadline first', () => {
    const change = announced();
    expect(issueTitle(change)).toBe('[LAZY CONSENSUS] Add k8s-infra-rbac-newapp to gke-security-groups (high risk)');
    expect(issueTitle({ ...change, title: 'x'.repeat(400) })).toHaveLength(256);
    const body = issueBody(change, ctx);
    expect(body).toContain('**If there are no objections by Mon 13 Apr 2026 12:00 UTC, lazy consensus is reached.**');
    expect(body).toContain('| Author | @xmudrii |');
    expect(body).toContain('- [ ] SIG Testing');
    expect(body).toContain('Comment `/object <your reason>` here');
  });

  it('marks what it writes, to find it again after a lost answer', () => {
    const body = issueBody(announced(), ctx);
    expect(body.endsWith(issueMarker('chg-0000abcd', T0))).toBe(true);
    expect(body).toContain(issueMarkerPrefix('chg-0000abcd'));
    expect(parseIssueMarker(body)).toEqual({ changeId: 'chg-0000abcd', start: T0 });
    const hold = holdComment(commentKey('chg-0000abcd', 'hold'), 'https://github.com/kubernetes/k8s.io/issues/8', deadline);
    expect(hold.split('\n')[0]).toBe('/hold');
    expect(markerOf(hold)).toBe('chg-0000abcd/hold');
    expect(markerOf('a comment by a person')).toBeUndefined();
  });

  it('reads /object and the Prow holds at line starts only', () => {
    expect(parseGithubCommands('LGTM\n/object the mirror is not ready\n> /hold\n/hold cancel\n')).toEqual([{ kind: 'object', reason: 'the mirror is not ready' }, { kind: 'hold-cancel' }]);
    expect(parseGithubCommands('/object cancel')).toEqual([{ kind: 'object-cancel' }]);
    expect(parseGithubCommands('/object')).toEqual([{ kind: 'object', reason: '(no reason given on GitHub)' }]);
    expect(parseGithubCommands('/hold\r\n/unhold')).toEqual([{ kind: 'hold' }, { kind: 'hold-cancel' }]);
    expect(parseGithubCommands('please /object this')).toEqual([]);
  });

  it('takes a pull request link of an allowed repository only', () => {
    const repos = ['kubernetes/k8s.io'];
    expect(parsePrUrl('https://github.com/kubernetes/k8s.io/pull/1234/files#diff', repos)).toEqual({ ok: true, pr: { repo: 'kubernetes/k8s.io', number: 1234, url: 'https://github.com/kubernetes/k8s.io/pull/1234' } });
    expect(parsePrUrl('<https://github.com/Kubernetes/K8s.io/pull/5>', repos)).toMatchObject({ ok: true, pr: { repo: 'kubernetes/k8s.io', number: 5 } });
    expect(parsePrUrl('https://github.com/kubernetes/kubernetes/pull/1', repos)).toMatchObject({ ok: false, reason: expect.stringContaining('is not a repository this bot reads') });
    expect(parsePrUrl('https://github.com/kubernetes/k8s.io/issues/1', repos).ok).toBe(false);
    expect(parsePrUrl('http://github.com/kubernetes/k8s.io/pull/1', repos).ok).toBe(false);
    expect(parsePrUrl('https://github.com.evil.example/kubernetes/k8s.io/pull/1', repos).ok).toBe(false);
  });

  it('writes the kubernetes-dev@ notice, and a mailto: link within Slack’s 3000 characters', () => {
    const change = announced();
    const nctx = { to: 'dev@kubernetes.io', serviceNames: ['GKE clusters'], sigNames: [], issueUrl: 'https://github.com/kubernetes/k8s.io/issues/8', deadline };
    const notice = noticeFor(change, nctx);
    expect(notice.subject).toBe('[LAZY CONSENSUS] Add k8s-infra-rbac-newapp to gke-security-groups (high risk)');
    expect(notice.text).toContain('We will assume lazy consensus if there are no objections by Mon 13 Apr 2026 12:00 UTC.');
    expect(notice.text).toContain('Marko Mudrinić, for SIG K8s Infra');
    expect(mailtoLink(notice, change, nctx)).toBe(`mailto:dev@kubernetes.io?subject=${encodeURIComponent(notice.subject)}&body=${encodeURIComponent(notice.text)}`);
    const long = { ...change, description: 'é'.repeat(2900) };
    const link = mailtoLink(noticeFor(long, nctx), long, nctx);
    expect(link.length).toBeLessThanOrEqual(3000);
    expect(decodeURIComponent(link)).toContain('What changes and the rollback plan: https://github.com/kubernetes/k8s.io/issues/8');
  });
});
