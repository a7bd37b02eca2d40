import { describe, expect, it } from 'vitest';
import { addPinnedMessage, declareIncident, postUpdate, resolveIncident } from '../../../src/incidents/domain/incident-lifecycle.ts';
import type { Incident, TimelineEntry } from '../../../src/incidents/domain/incident.ts';
import { incidentIssue, resolutionComment, reviewIssue, updateComment } from '../../../src/incidents/domain/issue-text.ts';
import { checkBlocks, checkView } from '../../../src/sandbox/block-kit-limits.ts';
import { declaredAnnouncement, incidentList, reminderPost, resolvedPost, summaryMessage, updatePost, type IncidentViewContext } from '../../../src/incidents/views/incident-messages.ts';
import { declareModal, resolveModal, updateModal } from '../../../src/incidents/views/incident-modals.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const t0 = new Date('2026-11-24T10:00:00Z');
const ctx: IncidentViewContext = {
  serviceName: (id) => ({ registry: 'registry.k8s.io', prow: 'prow' })[id] ?? id,
  outOfScope: (i) => (i.services.includes('prow') ? [{ name: 'prow', sig: 'SIG Testing', channel: 'sig-testing' }] : []),
};
const incident: Incident = {
  ...declareIncident({ id: 'inc-1', title: 'Registry pulls failing', severity: 'SEV2', services: ['registry', 'prow'], description: 'EU 503s', commander: 'U0AMEUKAM', declarer: 'U0AMEUKAM', page: true }, t0).incident,
  channelId: 'C0INC', channelName: 'inc-20261124-registry-pulls-failing', issueNumber: 12, issueUrl: 'https://github.com/kubernetes/k8s.io/issues/12', roles: { scribe: 'U0DIMS001' },
};
const timeline: TimelineEntry[] = [
  { at: t0, kind: 'declared', actor: 'U0AMEUKAM', text: 'Declared SEV2 by <@U0AMEUKAM>' },
  { at: new Date(t0.getTime() + 600_000), kind: 'update', actor: 'U0AMEUKAM', text: '*monitoring*: fix rolled out' },
];
const issueCtx = { personName: (id: string) => ({ U0AMEUKAM: '@ameukam', U0DIMS001: '@dims' })[id] ?? id, serviceName: ctx.serviceName, outOfScope: ctx.outOfScope(incident) };

/** An incident where everything a person typed is the hostile string, and its timeline as the domain writes it. */
function hostileIncident(): { incident: Incident; timeline: TimelineEntry[] } {
  const declared = declareIncident({ id: 'inc-h', title: HOSTILE, severity: 'SEV1', services: ['registry'], description: HOSTILE, commander: 'U0AMEUKAM', declarer: 'U0AMEUKAM', page: false }, t0);
  const at = (m: number) => new Date(t0.getTime() + m * 60_000);
  const updated = postUpdate({ ...declared.incident, channelId: 'C0INC' }, { status: 'identified', message: HOSTILE, by: 'U0AMEUKAM' }, at(1));
  if (!updated.ok) throw new Error(updated.reason);
  const pinned = addPinnedMessage(updated.incident, { author: 'U0BENTHEE', text: HOSTILE }, 'U0AMEUKAM', at(2));
  const resolved = resolveIncident(updated.incident, HOSTILE, 'U0AMEUKAM', at(3));
  if (!pinned.ok || !resolved.ok) throw new Error('unexpected refusal');
  return { incident: resolved.incident, timeline: [...declared.entries, ...updated.entries, ...pinned.entries, ...resolved.entries] };
}

/** Every text Slack reads as mrkdwn in a view or message: mrkdwn objects, and a message's own `text`. */
function mrkdwnTexts(rendered: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x));
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
    for (const [k, x] of Object.entries(o)) {
      if (k === 'text' && typeof x === 'string' && key === undefined && o.type === undefined) out.push(x);
      walk(x, k);
    }
  };
  walk(rendered);
  return out;
}

describe('incident views', () => {
  it('declare modal: severities with descriptions, services grouped by owner, commander defaults to the declarer', () => {
    const view = declareModal({ declarer: 'U0AMEUKAM', services: [{ id: 'registry', name: 'registry.k8s.io' }, { id: 'prow', name: 'prow', ownedBy: 'SIG Testing' }], channelId: 'C1' });
    expect(checkView(view, 'modal')).toEqual([]);
    expect(view).toMatchSnapshot();
  });

  it('update and resolve modals', () => {
    const ask = updateModal({ open: [incident], message: 'stuck pool' });
    const known = updateModal({ incident, status: 'monitoring' });
    for (const v of [ask, known, resolveModal(incident)]) expect(checkView(v, 'modal')).toEqual([]);
    expect(JSON.stringify(ask)).toContain('incidents.incident');
    expect(JSON.stringify(known)).not.toContain('incidents.incident');
    expect({ ask, known, resolve: resolveModal(incident) }).toMatchSnapshot();
  });

  it('summary, announcement, resolution and list messages', () => {
    const resolved: Incident = { ...incident, status: 'resolved', mitigatedAt: new Date(t0.getTime() + 600_000), resolvedAt: new Date(t0.getTime() + 3_600_000), resolution: 'cert renewed' };
    const messages = {
      summary: summaryMessage(incident, timeline, ctx),
      announcement: declaredAnnouncement(incident, ctx),
      resolved: resolvedPost(resolved, 'announcements'),
      list: incidentList([incident], new Date(t0.getTime() + 5_400_000)),
      empty: incidentList([], t0),
    };
    expect(messages.announcement.text).toContain('owned by SIG Testing');
    expect(messages.list.text).toBe('1 open incident');
    expect(messages).toMatchSnapshot();
  });

  it('GitHub issue and review text', () => {
    const issue = incidentIssue(incident, ['sig/k8s-infra'], issueCtx);
    expect(issue.labels).toEqual(['sig/k8s-infra', 'severity/sev2']);
    expect(issue.body).not.toContain('<@');
    const resolved: Incident = { ...incident, status: 'resolved', mitigatedAt: new Date(t0.getTime() + 600_000), resolvedAt: new Date(t0.getTime() + 3_600_000), resolution: 'cert renewed' };
    const review = reviewIssue(resolved, timeline, ['sig/k8s-infra'], issueCtx);
    expect(review.body).toContain('**Resolution:** cert renewed');
    expect(review.body).toContain('@ameukam');
    expect({ issue, review }).toMatchSnapshot();
  });
});

describe('incident views with what a hostile member types in every field', () => {
  const { incident: hostile, timeline: hostileTimeline } = hostileIncident();
  const open: Incident = { ...hostile, status: 'identified', resolvedAt: null, resolution: null };
  const views: Record<string, unknown> = {
    'declare modal': declareModal({ declarer: 'U0AMEUKAM', services: [{ id: 'registry', name: 'registry.k8s.io' }], channelId: 'C1' }),
    'update modal (known incident)': updateModal({ incident: open, status: 'identified', message: HOSTILE }),
    'update modal (asks which)': updateModal({ open: [open], message: HOSTILE }),
    'resolve modal': resolveModal(open, HOSTILE),
    'pinned summary': summaryMessage(hostile, hostileTimeline, ctx),
    announcement: declaredAnnouncement(open, ctx),
    'update post (channel)': updatePost(open, hostileTimeline[1]!, 'channel'),
    'update post (announcements)': updatePost(open, hostileTimeline[1]!, 'announcements'),
    'pinned message post': updatePost(open, hostileTimeline[2]!, 'channel'),
    'resolution (channel)': resolvedPost(hostile, 'channel'),
    'resolution (announcements)': resolvedPost(hostile, 'announcements'),
    reminder: reminderPost(open, 61),
    list: incidentList([open], t0),
  };

  for (const [name, view] of Object.entries(views)) {
    it(`${name}: no mention, broadcast or masked link reaches mrkdwn`, () => {
      expect(unescapedHostile(mrkdwnTexts(view))).toEqual([]);
      const problems = name.includes('modal') ? checkView(view, 'modal') : checkBlocks((view as { blocks: unknown }).blocks, 'message');
      expect(problems).toEqual([]);
    });
  }

  it('shows the title as typed where Slack never parses it (plain_text headers, option labels)', () => {
    expect(JSON.stringify(views['pinned summary'])).toContain(JSON.stringify(`SEV1: ${HOSTILE}`).slice(1, 40));
    expect(mrkdwnTexts(views['pinned summary']).join('\n')).toContain('&lt;!channel&gt;');
  });

  it('GitHub: the issue, comments and review show the text as typed, and ping nobody on GitHub', () => {
    const issue = incidentIssue(hostile, ['sig/k8s-infra'], issueCtx);
    const texts = [issue.body, reviewIssue(hostile, hostileTimeline, ['sig/k8s-infra'], issueCtx).body, resolutionComment(hostile, issueCtx), ...hostileTimeline.map((e) => updateComment(e, issueCtx))];
    for (const text of texts) {
      expect(text).not.toMatch(/<!(channel|here|everyone|subteam)|<@U|<https?:/);
      // A raw `@U0DIMS001` (as typed, after `&lt;`) would ping that GitHub user.
      expect(text).not.toMatch(/(^|[^\w<`;&#\d])@U0DIMS001/);
    }
    expect(issue.body).toContain('&lt;!channel&gt;');
    expect(issue.body).toContain('&lt;@&#8203;U0DIMS001&gt;');
  });
});

describe('incident views within Slack limits for the longest text a person can send', () => {
  it.each([2950, 100_000])('an update of %i characters opens a form Slack accepts, cut to the field, saying the limit', (n) => {
    const typed = 'x'.repeat(n);
    const view = updateModal({ incident, status: 'identified', message: typed });
    expect(checkView(view, 'modal')).toEqual([]);
    const json = JSON.stringify(view);
    expect(json).toContain('"initial_value":"' + 'x'.repeat(2900) + '"');
    expect(json).toContain(`What you typed has ${n.toLocaleString('en-US')} characters; this field holds 2,900, so it was cut.`);
    const resolve = resolveModal(incident, typed);
    expect(checkView(resolve, 'modal')).toEqual([]);
    expect(JSON.stringify(resolve)).toContain('this field holds 2,900');
  });

  it('never splits an emoji at the cut', () => {
    const view = updateModal({ incident, message: `${'x'.repeat(2899)}😀tail` });
    const initial = /"initial_value":"([^"]*)"/.exec(JSON.stringify(view))?.[1] ?? '';
    expect(initial).toBe('x'.repeat(2899));
  });

  it('a long timeline and description keep the summary within a message', () => {
    const long: TimelineEntry[] = Array.from({ length: 300 }, (_, i) => ({ at: t0, kind: 'update', actor: 'U0AMEUKAM', text: `*identified*: ${'y'.repeat(2900)} ${i}` }));
    const m = summaryMessage({ ...incident, description: 'd'.repeat(2900) }, long, ctx);
    expect(checkBlocks(m.blocks, 'message')).toEqual([]);
    expect(m.text.length).toBeLessThanOrEqual(3000);
    const review = reviewIssue({ ...incident, status: 'resolved', resolution: 'r', resolvedAt: t0 }, long, ['sig/k8s-infra'], issueCtx);
    expect(review.body.length).toBeLessThan(65_536);
    expect(review.body).toMatch(/- _\d+ earlier entries are not shown here \(every update is a comment on #12\)\._/);
    expect(review.body.endsWith('<!-- k8s-infra-bot review inc-1 -->')).toBe(true);
  });
});
