import { describe, expect, it } from 'vitest';
import { homeRotaBlocks, type HomeRotaView } from '../../../src/rota/views/home-rota.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const view: HomeRotaView = {
  zone: 'Europe/Belgrade',
  shifts: [
    { subprojectId: 'dns', rotationName: 'DNS primary', start: new Date('2026-11-23T08:00:00Z'), end: new Date('2026-11-30T08:00:00Z'), current: true, outsideWorkingHours: false },
    { subprojectId: 'registry', rotationName: 'Registry fallback', start: new Date('2026-11-26T04:30:00Z'), end: new Date('2026-11-27T04:30:00Z'), current: false, outsideWorkingHours: true, why: 'swap' },
  ],
  onCallNow: [
    { subprojectId: 'dns', name: 'DNS', primary: 'you', secondary: '<@U0DIMS001>' },
    { subprojectId: 'clusters', name: 'GKE clusters' },
  ],
};

describe('rota Home section', () => {
  it('my shifts this week in my zone, flagged outside working hours; who is on call now for my subprojects', () => {
    const blocks = homeRotaBlocks(view);
    expect(blocks).toMatchSnapshot();
    const text = JSON.stringify(blocks);
    expect(text).toContain('now until Mon 30 Nov 09:00 GMT+1');
    expect(text).toContain('Thu 26 Nov 05:30 GMT+1 → Fri 27 Nov 05:30 GMT+1 · :crescent_moon: starts outside your working hours');
    expect(text).toContain('*GKE clusters* (`clusters`): _nobody_');
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('who shadows my subprojects, and what I shadow myself, until when in my zone', () => {
    const blocks = homeRotaBlocks({
      ...view,
      onCallNow: [{ subprojectId: 'dns', name: 'DNS', primary: 'you', shadows: [{ mention: '<@U0HHHHHHH>', until: new Date('2026-12-08T03:12:00Z') }] }],
      shadowing: [{ subprojectId: 'storage', name: HOSTILE, until: new Date('2026-12-08T03:12:00Z') }],
    });
    expect(blocks).toMatchSnapshot();
    const text = JSON.stringify(blocks);
    expect(text).toContain('*DNS* (`dns`): you · shadowing: <@U0HHHHHHH> until Tue 8 Dec 04:12 GMT+1');
    expect(text).toContain('until Tue 8 Dec 04:12 GMT+1: pages reach you with its primary');
    expect(unescapedHostile(text)).toEqual([]);
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('says so when I have no shift; escapes names from the config', () => {
    const blocks = homeRotaBlocks({ zone: 'UTC', shifts: [{ ...view.shifts[1]!, rotationName: HOSTILE }], onCallNow: [{ subprojectId: 'x', name: HOSTILE }] });
    expect(unescapedHostile(blocks)).toEqual([]);
    expect(JSON.stringify(homeRotaBlocks({ zone: 'UTC', shifts: [], onCallNow: [] }))).toContain('*Your shifts this week:* none.');
  });
});
