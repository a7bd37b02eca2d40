import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentChannelName, MAX_CHANNEL_NAME, slugify } from '../../../src/incidents/domain/channel-name.ts';
import { HOSTILE } from '../../helpers/hostile.ts';

const at = new Date('2026-11-23T22:30:00Z');

describe('incidentChannelName', () => {
  it('prefixes the UTC date and slugs the title', () => {
    expect(incidentChannelName('Registry pulls failing!', at)).toBe('inc-20261123-registry-pulls-failing');
    expect(slugify('  Ünïcode & prow.k8s.io  DOWN ')).toBe('unicode-prow-k8s-io-down');
  });

  it('makes a clean slug of a hostile title: no markup, no mention, no link survives', () => {
    const name = incidentChannelName(HOSTILE, at);
    expect(name).toBe('inc-20261123-channel-here-everyone-subteam-s0leads-u0dims001-https-evil-example');
    expect(name).toMatch(/^[a-z0-9-]+$/);
    expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
  });

  it('adds a numeric suffix for later attempts', () => {
    expect(incidentChannelName('DNS broken', at, 2)).toBe('inc-20261123-dns-broken-2');
    expect(incidentChannelName('DNS broken', at, 12)).toBe('inc-20261123-dns-broken-12');
  });

  it('falls back to the date alone for a title with no letters or digits', () => {
    expect(incidentChannelName('!!!', at)).toBe('inc-20261123');
    expect(incidentChannelName('!!!', at, 3)).toBe('inc-20261123-3');
  });

  it('always gives a valid Slack name of at most 80 characters, suffix kept', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 999 }), (title, attempt) => {
        const name = incidentChannelName(title, at, attempt);
        expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
        expect(name).toMatch(/^[a-z0-9_-]+$/);
        expect(name).not.toMatch(/--/);
        if (attempt > 1) expect(name.endsWith(`-${attempt}`)).toBe(true);
      }),
    );
  });
});
