import type { PageState } from '../domain/page-state.ts';
import type { PageRequestOutcome } from '../use-cases/request-page.ts';
import { stepLabel } from '../domain/escalation-engine.ts';
import type { Mention } from './paging-message.ts';
import { actorShown } from './shown-text.ts';

function hhmm(d: Date): string {
  return `${d.toISOString().slice(11, 16)} UTC`;
}

function whereItIs(page: PageState, mention: Mention): string {
  if (page.status === 'acknowledged') return `acknowledged by ${page.acknowledgedVia === 'pagerduty' ? 'someone in PagerDuty' : actorShown(page.acknowledgedBy ?? 'someone', mention)}`;
  return page.exhaustedAt ? 'triggered, its escalation policy exhausted' : `triggered, at ${stepLabel(page)}`;
}

/** The answer to a person's page request (the command, or the form), shown only to them. */
export function pageRequestReply(outcome: PageRequestOutcome, channel: string, mention: Mention): string {
  switch (outcome.kind) {
    case 'raised':
      return `:rotating_light: Paged *${outcome.page.subprojectId}* (page \`${outcome.page.id}\`, severity ${outcome.page.severity}); the page is posted in #${channel}.`;
    case 'joined':
      return [
        `:link: *${outcome.page.subprojectId}* already has an open page (\`${outcome.page.id}\`, ${whereItIs(outcome.page, mention)}).`,
        `Your report was added to its timeline and its thread in #${channel}; nobody was woken again.`,
        'If it is worse than that page says, tell them in the thread; the people it notified can use Escalate now.',
      ].join(' ');
    case 'repeated':
      return `Page \`${outcome.page.id}\` was already ${outcome.outcome === 'raised' ? 'raised' : 'joined'} for this request.`;
    case 'limited':
      return `:no_entry: Your page was NOT raised: people not in the bot's config may page ${outcome.admission.limit} times an hour, and you have ${outcome.admission.count}. Ask in #wg-k8s-infra, or page again after ${hhmm(outcome.admission.retryAt)}.`;
  }
}

/** Said when a page could not be raised because the database is unreachable. */
export const PAGE_NOT_RAISED = 'Your page was NOT raised: nobody was notified. Ask in #wg-k8s-infra or reach the on-call directly.';
