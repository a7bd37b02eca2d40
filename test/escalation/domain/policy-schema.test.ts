import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { escalationPolicySchema } from '../../../src/escalation/domain/policy-schema.ts';

const example = `
escalationPolicies:
  - id: default
    repeat: 1
    steps:
      - { targets: [primary], delayMinutes: 5 }
      - { targets: [secondary, owners], delayMinutes: 10 }
      - { targets: [leads, { person: thockin }], delayMinutes: 15 }
  - id: quiet
    steps:
      - { targets: [owners], delayMinutes: 30 }
`;

const root = z.object({ escalationPolicies: z.array(escalationPolicySchema) });

describe('escalationPolicySchema', () => {
  it('accepts the documented YAML and defaults repeat to 0', () => {
    const parsed = root.parse(parse(example));
    expect(parsed.escalationPolicies[0]).toEqual({
      id: 'default',
      repeat: 1,
      steps: [
        { targets: ['primary'], delayMinutes: 5 },
        { targets: ['secondary', 'owners'], delayMinutes: 10 },
        { targets: ['leads', { person: 'thockin' }], delayMinutes: 15 },
      ],
    });
    expect(parsed.escalationPolicies[1]!.repeat).toBe(0);
  });

  it('explains bad targets, delays and empty policies with paths', () => {
    const result = escalationPolicySchema.safeParse({
      id: 'Bad Id',
      repeat: -1,
      steps: [{ targets: ['primry', { person: '' }], delayMinutes: 0 }, { targets: [], delayMinutes: 5.5 }],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain('id: expected lowercase letters, digits and dashes');
    expect(issues).toContain('steps.0.targets.0: expected primary, secondary, owners, leads or { person: <id> }');
    expect(issues).toContain('steps.0.targets.1.person: Too small: expected string to have >=1 characters');
    expect(issues).toContain('steps.1.targets: a step needs at least one target');
    expect(issues.some((i) => i.startsWith('steps.0.delayMinutes:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('steps.1.delayMinutes:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('repeat:'))).toBe(true);
  });

  it('rejects unknown keys (a typo like delayMinute is not silently ignored)', () => {
    const result = escalationPolicySchema.safeParse({ id: 'x', steps: [{ targets: ['primary'], delayMinute: 5 }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['steps.0.delayMinutes', 'steps.0']));
  });

  it('needs at least one step', () => {
    const result = escalationPolicySchema.safeParse({ id: 'x', steps: [] });
    expect(result.error!.issues[0]!.message).toBe('a policy needs at least one step');
  });
});
