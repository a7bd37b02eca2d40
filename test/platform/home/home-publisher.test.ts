import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { PeopleDirectory } from '../../../src/platform/config/people-directory.ts';
import type { HomeContribution } from '../../../src/platform/home/home-contract.ts';
import { HomePublisher } from '../../../src/platform/home/home-publisher.ts';
import { section } from '../../../src/platform/slack/blocks.ts';
import { testConfig } from '../../helpers/test-config.ts';

const config = testConfig();
const ameukam = config.people.find((p) => p.id === 'ameukam')!;

function rig(contributions: HomeContribution[], options: { debounceMs?: number; sectionTimeoutMs?: number; slackDown?: boolean } = {}) {
  const published: { user_id: string; blocks: KnownBlock[] }[] = [];
  const { slackDown, ...rest } = options;
  const publish = async (args: { user_id: string; view: { blocks: KnownBlock[] } }) => {
    if (slackDown) throw new Error('slack down');
    published.push({ user_id: args.user_id, blocks: args.view.blocks });
  };
  // Only views.publish is called; the rest of the client is not needed.
  const slack = { views: { publish } } as unknown as Pick<WebClient, 'views'>;
  const warnings: string[] = [];
  const publisher = new HomePublisher({ contributions: () => contributions, people: new PeopleDirectory(config), slack, clock: new ManualClock('2026-11-24T10:00:00Z'), log: { warn: (_o: unknown, m?: string) => void warnings.push(m ?? '') }, ...rest });
  return { publisher, published, warnings };
}

const fixed = (title: string, text: string): HomeContribution => ({ title, seeMore: title.toLowerCase(), blocks: async () => [section(text)] });

describe('HomePublisher', () => {
  it('gives each section the viewer as the config knows them, and greets them in their zone', async () => {
    const seen: unknown[] = [];
    const { publisher } = rig([{ title: 'On call', seeMore: 'oncall', blocks: async (viewer) => (seen.push(viewer), [section('x')]) }]);
    const blocks = await publisher.build(ameukam.slack, new Date('2026-11-24T10:00:00Z'));
    expect(seen).toEqual([{ slackUserId: ameukam.slack, personId: 'ameukam' }]);
    expect(JSON.stringify(blocks)).toContain(`Your week, ${ameukam.name}`);
    expect(JSON.stringify(blocks)).toContain(ameukam.timezone);
  });

  it('a section that throws or does not answer in time shows "could not load"; the others still show', async () => {
    const { publisher, warnings } = rig(
      [fixed('On call', 'shift line'), { title: 'Pages', seeMore: 'page list', blocks: () => Promise.reject(new Error('database down')) }, { title: 'Access', seeMore: 'access list', blocks: () => new Promise(() => undefined) }],
      { sectionTimeoutMs: 50 },
    );
    const text = JSON.stringify(await publisher.build('U0STRANGER', new Date()));
    expect(text).toContain('shift line');
    expect(text).toContain('*Pages*: could not load right now');
    expect(text).toContain('*Access*: could not load right now');
    expect(warnings).toHaveLength(2);
  });

  it('leaves out a section with nothing to say', async () => {
    const { publisher } = rig([fixed('On call', 'shift line'), { title: 'Access', seeMore: 'access list', blocks: async () => undefined }]);
    expect(JSON.stringify(await publisher.build(ameukam.slack, new Date()))).not.toContain('Access');
  });

  it('coalesces refreshes: person ids and Slack ids of the same people publish each Home tab once', async () => {
    const { publisher, published } = rig([fixed('On call', 'x')], { debounceMs: 20 });
    publisher.refresh(['ameukam', 'dims']);
    publisher.refresh([ameukam.slack, undefined, 'nobody-we-know']);
    publisher.refresh(['ameukam']);
    await new Promise((r) => setTimeout(r, 80));
    const dims = config.people.find((p) => p.id === 'dims')!.slack;
    expect(published.map((p) => p.user_id).sort()).toEqual([ameukam.slack, dims].sort());
    await publisher.stop();
  });

  it('a failed publish is logged, not thrown; after stop nothing more is published', async () => {
    const { publisher, warnings } = rig([fixed('On call', 'x')], { debounceMs: 10, slackDown: true });
    publisher.refresh(['ameukam']);
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings).toContain('home: could not publish a Home tab');
    await publisher.stop();
    publisher.refresh(['dims']);
    await new Promise((r) => setTimeout(r, 30));
    expect(warnings).toHaveLength(1);
  });
});
