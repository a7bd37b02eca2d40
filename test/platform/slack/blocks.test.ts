import { describe, expect, it } from 'vitest';
import { clip, textInput } from '../../../src/platform/slack/blocks.ts';

const isWellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('Block Kit limits', () => {
  it('clips text to the limit with an ellipsis, never splitting an emoji', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abcde…');
    const cut = clip('abcd😀xyz', 6);
    expect(cut).toBe('abcd…');
    expect(isWellFormed(cut)).toBe(true);
  });

  it('clips a text field’s initial value to its max_length, never splitting an emoji', () => {
    const field = textInput({ actionId: 'a', maxLength: 5, initial: 'abcd😀' });
    expect(field.max_length).toBe(5);
    expect(field.initial_value).toBe('abcd');
    expect(isWellFormed(field.initial_value ?? '')).toBe(true);
    expect(textInput({ actionId: 'a', maxLength: 6, initial: 'abcd😀' }).initial_value).toBe('abcd😀');
  });
});
