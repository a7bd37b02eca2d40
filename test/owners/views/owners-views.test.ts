import { describe, expect, it } from 'vitest';
import { contactModal } from '../../../src/owners/views/contact-modal.ts';
import { leadRevealMessage, refusedRevealText, revealChoicesMessage, revealDmText, revealedMessage } from '../../../src/owners/views/contact-messages.ts';
import { nominationIssue, nominationMessage, nominationModal } from '../../../src/owners/views/nomination-views.ts';
import type { Nomination } from '../../../src/owners/domain/nomination.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';

const page = { kind: 'page' as const, id: 'pg-1', label: 'page pg-1 (registry)', involved: ['ben'], responders: ['nikhita'] };
const nomination: Nomination = {
  id: 'nom-1',
  kind: 'nominate',
  subprojectId: 'website',
  personId: 'hh',
  nominatorId: 'nikhita',
  status: 'open',
  statements: { credentials: HOSTILE, support: HOSTILE },
  issueNumber: 7,
  issueUrl: 'https://github.com/kubernetes/k8s.io/issues/7',
  deadlineAt: new Date('2026-12-02T00:00:00Z'),
  createdAt: new Date('2026-11-24T03:12:00Z'),
};

function titleLengths(view: { title?: { text: string }; submit?: { text: string } }) {
  return [view.title?.text.length ?? 0, view.submit?.text.length ?? 0];
}

describe('owners views', () => {
  it('the contact modal fits Slack and shows only the person’s own saved details', () => {
    const v = contactModal({ phone: '+15550001234', alternateEmails: ['a@b.org'], order: ['phone', 'slack'] }, { timezone: 'Europe/Berlin', start: '09:00', end: '17:00' });
    for (const n of titleLengths(v as never)) expect(n).toBeLessThanOrEqual(24);
    expect(v).toMatchSnapshot();
  });

  it('reveal messages escape what people typed and name the reason', () => {
    const shown = revealedMessage('<@U0BENTHEE>', { phone: '+15550001234', alternateEmails: [HOSTILE], timezone: HOSTILE, order: ['phone'] }, 'Revealed for page pg-1 (registry).');
    expect(unescapedHostile(shown)).toEqual([]);
    expect(shown).toMatchSnapshot();
    const choices = revealChoicesMessage('ben', '<@U0BENTHEE>', [page, { ...page, kind: 'incident', id: 'INC-9', label: 'INC-9' }]);
    const ids = choices.blocks.filter((b) => b.type === 'actions').map((b) => JSON.stringify(b));
    expect(ids).toHaveLength(2);
    expect(choices).toMatchSnapshot();
    expect(leadRevealMessage('ben', '<@U0BENTHEE>')).toMatchSnapshot();
    expect(refusedRevealText('<@U0BENTHEE>', '`/k8s-infra page registry`.')).toMatchSnapshot();
    expect(revealDmText('<@U0NIKHITA>', 'phone', 'for page pg-1 (registry)')).toMatchSnapshot();
  });

  it('nomination views escape the statements and fit Slack', () => {
    const modal = nominationModal({ subprojectId: 'website', personId: 'hh', mention: '<@U0HHHHHHH>', effect: ['Owners: 2 → 3', HOSTILE] });
    for (const n of titleLengths(modal as never)) expect(n).toBeLessThanOrEqual(24);
    expect(unescapedHostile(modal)).toEqual([]);
    const message = nominationMessage(nomination, { mention: (id) => `<@${id.toUpperCase()}>`, effect: ['Owners: 2 → 3'] });
    expect(unescapedHostile(message)).toEqual([]);
    expect(message).toMatchSnapshot();
    expect(nominationIssue(nomination, { github: (id) => id, effect: ['Owners: 2 → 3'], marker: 'k8s-infra-bot:nom-1', checklist: ['Merge the pull request'] })).toMatchSnapshot();
  });
});
