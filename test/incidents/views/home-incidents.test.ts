import { describe, expect, it } from 'vitest';
import { peopleOfIncident, rolesOf } from '../../../src/incidents/domain/incident-people.ts';
import { homeIncidentsBlocks, type HomeIncidentView } from '../../../src/incidents/views/home-incidents.ts';
import { checkBlocks } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const mine: HomeIncidentView = { id: 'inc-0123456789', title: 'registry.k8s.io 5xx in eu-west', severity: 'SEV2', status: 'investigating', roles: ['comms'], channelId: 'C0INC0001', commanderSlackId: 'U0COMMAND' };

describe('incidents Home section', () => {
  it('open incidents I am in, with my role, the commander and the channel', () => {
    const blocks = homeIncidentsBlocks([mine, { ...mine, id: 'inc-2', roles: ['commander'], channelId: null }]);
    expect(blocks).toMatchSnapshot();
    const text = JSON.stringify(blocks);
    expect(text).toContain('you are *comms* · commander <@U0COMMAND> · <#C0INC0001>');
    expect(text).toContain('you are *commander*');
    expect(checkBlocks(blocks, 'home')).toEqual([]);
  });

  it('escapes the title; says when there is none', () => {
    expect(unescapedHostile(homeIncidentsBlocks([{ ...mine, title: HOSTILE }]))).toEqual([]);
    expect(JSON.stringify(homeIncidentsBlocks([]))).toContain('No open incidents you are part of.');
  });

  it('who an incident names, and what each of them is in it', () => {
    const incident = { commander: 'UC', declarer: 'UD', roles: { comms: 'UC', scribe: 'US' } };
    expect(peopleOfIncident(incident)).toEqual(['UC', 'UD', 'US']);
    expect(rolesOf(incident, 'UC')).toEqual(['commander', 'comms']);
    expect(rolesOf(incident, 'UD')).toEqual(['declarer']);
    expect(rolesOf(incident, 'UX')).toEqual([]);
  });
});
