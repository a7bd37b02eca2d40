import { canonicalAnswer } from './dns-values.ts';
import type { DnsRequest } from './dns-request.ts';

/** What a resolver said, as the DNS client reports it. */
export type ResolverAnswer = { kind: 'answer'; values: string[] } | { kind: 'no-such-name' } | { kind: 'no-data' } | { kind: 'failed'; reason: string };

/** Whether the name servers answer what the request asked for: the new values, or nothing after a delete. */
export function answersRequest(request: Pick<DnsRequest, 'action' | 'type' | 'values'>, answer: ResolverAnswer): boolean {
  if (request.action === 'delete') return answer.kind === 'no-such-name' || answer.kind === 'no-data';
  if (answer.kind !== 'answer') return false;
  const want = new Set(request.values.map((v) => canonicalAnswer(request.type, v)));
  const got = new Set(answer.values.map((v) => canonicalAnswer(request.type, v)));
  return want.size === got.size && [...want].every((v) => got.has(v));
}

/** Seconds before check `n + 1`: doubling from the first, capped. */
export function nextCheckDelaySeconds(check: number, firstSeconds: number, maxSeconds: number): number {
  return Math.min(maxSeconds, firstSeconds * 2 ** Math.max(0, check - 1));
}
