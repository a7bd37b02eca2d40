import { describe, expect, it } from 'vitest';
import { declareIncident } from '../../../src/incidents/domain/incident-lifecycle.ts';
import type { Incident, TimelineEntry } from '../../../src/incidents/domain/incident.ts';
import { incidentIssue, reviewIssue } from '../../../src/incidents/domain/issue-text.ts';
import { checkView } from '../../../src/sandbox/block-kit-limits.ts';
import { declaredAnnouncement, incidentList, resolvedPost, summaryMessage, type IncidentViewContext } from '../../../src/incidents/views/incident-messages.ts';
import { declareModal, resolveModal, updateModal } from '../../../src/incidents/views/incident-modals.ts';

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
    const text = { personName: (id: string) => ({ U0AMEUKAM: '@ameukam', U0DIMS001: '@dims' })[id] ?? id, serviceName: ctx.serviceName, outOfScope: ctx.outOfScope(incident) };
    const issue = incidentIssue(incident, ['sig/k8s-infra'], text);
    expect(issue.labels).toEqual(['sig/k8s-infra', 'severity/sev2']);
    expect(issue.body).not.toContain('<@');
    const resolved: Incident = { ...incident, status: 'resolved', mitigatedAt: new Date(t0.getTime() + 600_000), resolvedAt: new Date(t0.getTime() + 3_600_000), resolution: 'cert renewed by <@U0DIMS001>' };
    const review = reviewIssue(resolved, timeline, ['sig/k8s-infra'], text);
    expect(review.body).toContain('cert renewed by @dims');
    expect({ issue, review }).toMatchSnapshot();
  });
});
