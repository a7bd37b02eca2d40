import { describe, expect, it } from 'vitest';
import { acknowledge, applyExternalPagerEvent, resolve, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { acknowledgeReply, noSuchPage, resolveReply } from '../../../src/escalation/views/page-replies.ts';
import { pageRequestReply } from '../../../src/escalation/views/page-request-replies.ts';
import { pageListReply } from '../../../src/escalation/views/paging-list.ts';
import { shown } from '../../../src/escalation/views/shown-text.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { checkBlocks, checkView } from '../../../src/sandbox/block-kit-limits.ts';
import { pageMessage, timelineReplies } from '../../../src/escalation/views/paging-message.ts';
import { pageModal, validatePageInput } from '../../../src/escalation/views/paging-modal.ts';
import { REFERENCE, directory } from '../domain/directory-fixture.ts';

const mention = (id: string) => `<@U-${id}>`;
const started = startPage(
  {
    id: 'registry-0123456789',
    subprojectId: 'registry',
    severity: 'warning',
    summary: 'image pulls failing in eu',
    details: 'since 03:05',
    createdBy: 'thockin',
    policy: { id: 'default', repeat: 1, steps: [{ targets: ['primary'], delayMinutes: 5 }, { targets: ['owners'], delayMinutes: 10 }] },
    usePager: false,
  },
  REFERENCE,
  directory({ primary: 'priya', owners: ['sam', 'lucy'] }),
).state;

describe('paging views', () => {
  it('renders a triggered page with its three buttons', () => {
    expect(pageMessage(started, mention, 'Container registry')).toMatchSnapshot();
  });

  it('renders an acknowledged page without Acknowledge', () => {
    const r = acknowledge(started, 'priya', new Date(REFERENCE.getTime() + 60_000));
    const msg = pageMessage(r.state, mention);
    expect(JSON.stringify(msg.blocks)).not.toContain('paging.acknowledge');
    expect(msg).toMatchSnapshot();
  });

  it('puts timeline entries in thread replies under 3000 characters', () => {
    expect(timelineReplies(started.timeline)).toMatchSnapshot();
    const many = Array.from({ length: 40 }, (_, i) => ({ at: REFERENCE.toISOString(), kind: 'note' as const, text: `entry ${i} ${'x'.repeat(200)}` }));
    const replies = timelineReplies(many);
    expect(replies.length).toBeGreaterThan(1);
    for (const r of replies) expect(r.length).toBeLessThanOrEqual(3000);
  });

  it('builds the modal within Slack limits and validates it', () => {
    const modal = pageModal({ subprojectId: 'registry', channelId: 'C1' }, 'Container registry');
    expect(modal).toMatchSnapshot();
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(Object.keys(validatePageInput('  ', ''))).toEqual(['paging.summary_block']);
    expect(Object.keys(validatePageInput('x'.repeat(2801), ''))).toEqual(['paging.summary_block']);
    expect(validatePageInput('ok', '')).toEqual({});
  });

  it('lists open pages', () => {
    expect(pageListReply([started], mention)).toMatchSnapshot();
    expect(pageListReply([], mention).text).toBe('No open pages.');
  });
});

describe('paging views with hostile text', () => {
  const hostilePage = (() => {
    const s = startPage(
      {
        id: 'registry-0123456789',
        subprojectId: 'registry',
        severity: 'critical',
        summary: `${HOSTILE} summary`,
        details: `${HOSTILE} details`,
        createdBy: 'U0STRANGER',
        policy: { id: 'default', repeat: 0, steps: [{ targets: ['primary'], delayMinutes: 5 }] },
        usePager: true,
      },
      REFERENCE,
      directory({ primary: 'priya' }),
    ).state;
    // Acknowledged in PagerDuty by an agent whose name is the hostile string.
    return applyExternalPagerEvent(s, { action: 'acknowledge', pageId: s.id, by: HOSTILE, at: REFERENCE.toISOString() }, REFERENCE);
  })();
  const page = hostilePage.kind === 'applied' ? hostilePage.result.state : undefined;
  const mentionOrId = (id: string) => (id === 'priya' ? '<@U0PRIYA01>' : id);

  it('the page message (channel post and DMs) shows every summary, detail and agent name escaped', () => {
    const msg = pageMessage(page!, mentionOrId, HOSTILE);
    expect(unescapedHostile(msg)).toEqual([]);
    expect(JSON.stringify(msg)).toContain('&lt;!channel&gt;');
    // Someone not in the config is shown by their Slack id, which Slack renders as their name.
    expect(JSON.stringify(msg)).toContain('Paged by <@U0STRANGER>');
    expect(checkBlocks(msg.blocks, 'message')).toEqual([]);
  });

  it('the thread replies escape the timeline (which quotes summaries and PagerDuty names)', () => {
    const replies = timelineReplies(page!.timeline);
    expect(unescapedHostile(replies)).toEqual([]);
    expect(replies.join('\n')).toContain('acknowledged in PagerDuty by &lt;!channel&gt;');
  });

  it('the open-pages list and the click answers escape what they quote', () => {
    expect(unescapedHostile(pageListReply([page!], mentionOrId))).toEqual([]);
    expect(unescapedHostile(noSuchPage(HOSTILE))).toEqual([]);
    const again = acknowledge(page!, 'priya', REFERENCE);
    expect(unescapedHostile(acknowledgeReply(again, mentionOrId))).toEqual([]);
    expect(unescapedHostile(resolveReply(resolve(resolve(page!, HOSTILE, REFERENCE, { via: 'pagerduty' }).state, 'priya', REFERENCE), mentionOrId))).toEqual([]);
  });

  it('the create-page form escapes the subproject name it shows', () => {
    const modal = pageModal({ subprojectId: 'registry', channelId: 'C1' }, HOSTILE);
    expect(unescapedHostile(modal)).toEqual([]);
    expect(checkView(modal, 'modal')).toEqual([]);
  });

  it('the answers to a page request quote nothing unescaped', () => {
    const joined = { kind: 'joined', page: { ...page!, acknowledgedVia: 'slack', acknowledgedBy: HOSTILE } } as const;
    expect(unescapedHostile(pageRequestReply(joined, 'k8s-infra-alerts', mentionOrId))).toEqual([]);
  });

  it('clips escaped text to what a block holds, never cutting an entity in half', () => {
    const long = pageMessage({ ...page!, summary: '<'.repeat(2800), details: '&'.repeat(2800) }, mentionOrId);
    expect(checkBlocks(long.blocks, 'message')).toEqual([]);
    const summary = JSON.stringify(long.blocks[0]);
    expect(summary).toMatch(/(&lt;)+…/);
    expect(long.text.length).toBeLessThanOrEqual(2000);
    expect(shown('a<b', 4)).toBe('a…');
    expect(shown('a<bc', 6)).toBe('a&lt;…');
    expect(shown('short & sweet', 100)).toBe('short &amp; sweet');
  });
});
