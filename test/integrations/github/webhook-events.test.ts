import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePullRequestClosed, verifyGithubSignature } from '../../../src/integrations/github/webhook-events.ts';

// GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
const docSecret = "It's a Secret to Everybody";
const docHeader = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('verifyGithubSignature', () => {
  it("accepts GitHub's documented example", () => {
    expect(verifyGithubSignature(docSecret, 'Hello, World!', docHeader)).toBe(true);
    expect(verifyGithubSignature(docSecret, Buffer.from('Hello, World!'), [docHeader])).toBe(true);
    expect(verifyGithubSignature(docSecret, 'Hello, World!', docHeader.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
  });

  it('rejects a changed body, a wrong secret, malformed or missing headers, an empty secret', () => {
    expect(verifyGithubSignature(docSecret, 'Hello, World?', docHeader)).toBe(false);
    expect(verifyGithubSignature('other', 'Hello, World!', docHeader)).toBe(false);
    expect(verifyGithubSignature(docSecret, 'Hello, World!', undefined)).toBe(false);
    expect(verifyGithubSignature(docSecret, 'Hello, World!', docHeader.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyGithubSignature(docSecret, 'Hello, World!', docHeader.slice(0, -2))).toBe(false);
    expect(verifyGithubSignature(docSecret, 'Hello, World!', `${docHeader}00`)).toBe(false);
    const empty = `sha256=${createHmac('sha256', '').update('x').digest('hex')}`;
    expect(verifyGithubSignature('', 'x', empty)).toBe(false);
  });
});

const closedEvent = (merged: boolean) => ({
  action: 'closed',
  number: 3100,
  pull_request: {
    number: 3100,
    html_url: 'https://github.com/kubernetes/k8s.io/pull/3100',
    merged,
    merged_at: merged ? '2022-01-25T20:00:00Z' : null,
    head: { ref: 'k8s-infra-bot/access-req-1', repo: { full_name: 'k8s-infra-bot/k8s.io' } },
    base: { ref: 'main', repo: { full_name: 'kubernetes/k8s.io' } },
  },
  repository: { full_name: 'kubernetes/k8s.io' },
  sender: { login: 'k8s-ci-robot' },
});

describe('parsePullRequestClosed', () => {
  it('extracts number, merged and head branch', () => {
    expect(parsePullRequestClosed('pull_request', closedEvent(true))).toEqual({
      number: 3100,
      merged: true,
      branch: 'k8s-infra-bot/access-req-1',
      headRepo: 'k8s-infra-bot/k8s.io',
      baseRepo: 'kubernetes/k8s.io',
      baseBranch: 'main',
      url: 'https://github.com/kubernetes/k8s.io/pull/3100',
      mergedAt: '2022-01-25T20:00:00Z',
      sender: 'k8s-ci-robot',
    });
    expect(parsePullRequestClosed('pull_request', closedEvent(false))).toMatchObject({ merged: false, mergedAt: undefined });
  });

  it('ignores other events and actions, and junk', () => {
    expect(parsePullRequestClosed('issues', closedEvent(true))).toBeUndefined();
    expect(parsePullRequestClosed('pull_request', { ...closedEvent(true), action: 'opened' })).toBeUndefined();
    expect(parsePullRequestClosed('pull_request', null)).toBeUndefined();
    expect(parsePullRequestClosed('pull_request', { action: 'closed', pull_request: { number: 1 } })).toBeUndefined();
  });
});
