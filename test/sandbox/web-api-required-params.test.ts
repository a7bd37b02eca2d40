import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMULATED_METHODS, renderTable, tableFromSpec } from '../../src/sandbox/web-api-table-from-spec.ts';
import { WEB_API_METHODS } from '../../src/sandbox/web-api-required-params.ts';
import { EXTRA_REQUIRED } from '../../src/sandbox/web-api.ts';

const spec: unknown = JSON.parse(readFileSync(new URL('../fixtures/slack_web_openapi_v2_without_examples.json', import.meta.url), 'utf8'));

describe('Web API table vs. the Slack OpenAPI spec', () => {
  it('the shipped table is exactly what the spec says for every emulated method', () => {
    expect(WEB_API_METHODS).toEqual(tableFromSpec(spec));
  });

  it('the shipped file is the generator output, byte for byte', () => {
    const file = readFileSync(new URL('../../src/sandbox/web-api-required-params.ts', import.meta.url), 'utf8');
    expect(file).toBe(renderTable(tableFromSpec(spec)));
  });

  it('covers every emulated method, with the required arguments Slack documents', () => {
    expect(Object.keys(WEB_API_METHODS).sort()).toEqual([...EMULATED_METHODS].sort());
    expect(WEB_API_METHODS['chat.postMessage']?.required).toEqual(['channel']);
    expect(WEB_API_METHODS['chat.postEphemeral']?.required).toEqual(['channel', 'user']);
    expect(WEB_API_METHODS['views.open']?.required).toEqual(['trigger_id', 'view']);
    expect(WEB_API_METHODS['usergroups.users.update']?.required).toEqual(['usergroup', 'users']);
  });

  it('arguments the emulator requires beyond the spec are arguments the spec knows', () => {
    for (const [method, extra] of Object.entries(EXTRA_REQUIRED)) {
      const known = WEB_API_METHODS[method];
      expect(known, method).toBeDefined();
      for (const arg of extra) {
        expect(known?.args, `${method} ${arg}`).toContain(arg);
        expect(known?.required, `${method} ${arg} is already required by the spec`).not.toContain(arg);
      }
    }
  });
});
