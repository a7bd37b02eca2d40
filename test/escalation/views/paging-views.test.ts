import { describe, expect, it } from 'vitest';
import { startPage, acknowledge } from '../../../src/escalation/domain/escalation-engine.ts';
import { pageListReply } from '../../../src/escalation/views/paging-list.ts';
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
