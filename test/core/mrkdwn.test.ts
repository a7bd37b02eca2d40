import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeInline, escapeMrkdwn } from '../../src/core/mrkdwn.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';

describe('escapeMrkdwn', () => {
  it('turns every special sequence into the characters typed', () => {
    expect(escapeMrkdwn(HOSTILE)).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S0LEADS&gt; &lt;@U0DIMS001&gt; &lt;https://evil.example|click me&gt; &amp; &lt;#C0SECRET&gt;',
    );
  });

  it('leaves none of the hostile sequences', () => {
    expect(unescapedHostile(escapeMrkdwn(HOSTILE))).toEqual([]);
    expect(unescapedHostile(HOSTILE)).toHaveLength(7);
  });

  it('leaves no < or > and no unescaped & in any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeMrkdwn(s);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
    );
  });

  it('keeps inline text on one line', () => {
    expect(escapeInline('down\n<!here>\r\n now')).toBe('down &lt;!here&gt; now');
  });
});
