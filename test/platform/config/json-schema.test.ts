import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { infraConfigJsonSchema } from '../../../src/platform/config/json-schema.ts';

describe('config/infra.schema.json', () => {
  it('is in sync with the zod schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('config/infra.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(infraConfigJsonSchema());
  });

  it('describes the top-level sections', () => {
    const schema = infraConfigJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['people', 'services', 'subprojects', 'rotations', 'escalationPolicies', 'channels', 'outOfScope']));
    expect(schema.required).toEqual(expect.arrayContaining(['leads', 'channels', 'people']));
  });
});
