import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyPagerDutyResponse } from '../../../src/integrations/pagerduty/classify-response.ts';
import { MAX_SUMMARY_LENGTH, TRUNCATION_MARKER, truncateSummary } from '../../../src/integrations/pagerduty/truncate-summary.ts';

describe('truncateSummary', () => {
  it('leaves summaries up to 1024 characters alone', () => {
    const exact = 'a'.repeat(1024);
    expect(truncateSummary(exact)).toEqual({ text: exact, truncated: false });
  });

  it('cuts longer ones to exactly the limit, marker included', () => {
    const { text, truncated } = truncateSummary('b'.repeat(1025));
    expect(truncated).toBe(true);
    expect(text).toHaveLength(1024);
    expect(text.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('never splits a surrogate pair and always fits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 1500 }), (s) => {
        const { text } = truncateSummary(s);
        expect(text.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
        // No lone surrogate anywhere (the cut must not land inside a pair).
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)).toBe(false);
      }),
    );
    const emoji = `${'x'.repeat(1024 - TRUNCATION_MARKER.length - 1)}${'🔥'.repeat(50)}`;
    expect(truncateSummary(emoji).text).toBe(`${'x'.repeat(1024 - TRUNCATION_MARKER.length - 1)}${TRUNCATION_MARKER}`);
  });
});

describe('classifyPagerDutyResponse', () => {
  it('sorts statuses into ok, retryable and permanent', () => {
    expect(classifyPagerDutyResponse(202, { status: 'success' })).toEqual({ kind: 'ok', status: 202 });
    expect(classifyPagerDutyResponse(429, undefined)).toEqual({ kind: 'retryable', status: 429, message: 'rate limited' });
    expect(classifyPagerDutyResponse(503, undefined, '12')).toEqual({ kind: 'retryable', status: 503, message: 'server error', retryAfterMs: 12_000 });
    expect(classifyPagerDutyResponse(400, { status: 'invalid event', message: 'Event object is invalid', errors: ['Length of summary is too long'] })).toEqual({
      kind: 'permanent',
      status: 400,
      message: 'Event object is invalid; Length of summary is too long',
    });
    expect(classifyPagerDutyResponse(404, undefined)).toEqual({ kind: 'permanent', status: 404, message: 'HTTP 404' });
  });
});
