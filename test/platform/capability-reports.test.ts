import { describe, expect, it } from 'vitest';
import type { Capability, CapabilityModule, ReportBuilder } from '../../src/platform/capability.ts';
import { CAPABILITIES } from '../../src/platform/capabilities.ts';
import { addReports } from '../../src/platform/start-bot.ts';

const build: ReportBuilder = async () => ({ text: 'x', blocks: [] });
const moduleWith = (name: string, reports?: string[]): CapabilityModule => ({ name, config: undefined, migrations: {}, ids: {}, ...(reports ? { reports } : {}), define: () => ({}) });

describe('the reports hook of the capability contract', () => {
  it('collects every capability’s reports by name', () => {
    const reports = new Map<string, ReportBuilder>();
    addReports(reports, moduleWith('rota', ['oncall-digest', 'staffing']), { reports: { staffing: build, 'oncall-digest': build } });
    addReports(reports, moduleWith('status'), {});
    expect([...reports.keys()].sort()).toEqual(['oncall-digest', 'staffing']);
  });

  it.each([
    ['gives one it does not declare', moduleWith('rota', []), { reports: { staffing: build } }, 'rota declares reports [] but gives [staffing]'],
    ['declares one it does not give', moduleWith('rota', ['staffing']), {}, 'rota declares reports [staffing] but gives []'],
  ] as [string, CapabilityModule, Capability<unknown>, string][])('refuses a capability that %s', (_, module, capability, message) => {
    expect(() => addReports(new Map(), module, capability)).toThrow(message);
  });

  it('refuses two capabilities giving one name', () => {
    const reports = new Map<string, ReportBuilder>();
    addReports(reports, moduleWith('a', ['staffing']), { reports: { staffing: build } });
    expect(() => addReports(reports, moduleWith('b', ['staffing']), { reports: { staffing: build } })).toThrow('two capabilities give the report staffing');
  });

  it('the bot’s capabilities declare oncall-digest, staffing and open-summary once each', () => {
    const names = CAPABILITIES.flatMap((c) => c.reports ?? []);
    expect(names.sort()).toEqual(['oncall-digest', 'open-summary', 'staffing']);
  });
});
