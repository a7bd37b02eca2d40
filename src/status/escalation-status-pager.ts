import { escapeInline } from '../core/mrkdwn.ts';
import type { Notifier } from '../core/notifier.ts';
import type { PagingApi } from '../escalation/api.ts';
import type { CoreConfig } from '../platform/config/core-schema.ts';
import type { StatusPageInput, StatusPageResolution, StatusPager } from './ports/status-pager.ts';

/** Who the paging engine records as having raised (and tried to resolve) status pages. */
const STATUS_PAGE_ACTOR = 'k8s-infra-bot';

/**
 * StatusPager over the paging engine: a down service raises a `critical` page for its
 * subproject's on-call (escalation policy, PagerDuty when the subproject has a routing key).
 * When the service recovers, the page it raised is resolved on the probe's authority (as an
 * alerting system auto-resolves its own alert); if that ever fails, the page stays open and the
 * subproject channel is told the service recovered.
 */
export function escalationStatusPager(deps: { paging: () => PagingApi; deliveries: Pick<Notifier, 'post'>; config: CoreConfig }): StatusPager {
  return {
    async trigger(input: StatusPageInput, now: Date) {
      const { page } = await deps.paging().raise(
        { subprojectId: input.subprojectId, severity: 'critical', summary: input.summary, details: input.details, createdBy: STATUS_PAGE_ACTOR, key: input.key },
        now,
      );
      return { ref: page.id };
    },
    async resolve(ref: string, input: StatusPageInput, now: Date): Promise<StatusPageResolution> {
      const result = await deps.paging().resolveOnBehalf(ref, STATUS_PAGE_ACTOR, `${input.serviceName} recovered: ${input.details}`, now);
      if (result?.kind === 'resolved') return 'resolved';
      if (!result || result.kind === 'already-resolved') return 'already-resolved';
      const channel = deps.config.subprojects.find((s) => s.id === input.subprojectId)?.channel ?? deps.config.channels.alerts.name;
      // The probe's detail is third-party text (an HTTP error, a DNS answer): escaped. Keyed, and
      // looked for first: the page job may run again after a lost answer.
      await deps.deliveries.post(
        channel,
        { text: `:large_green_circle: ${escapeInline(input.serviceName)} recovered (${escapeInline(input.details)}). The page it raised is still open: the on-call can resolve it.` },
        { key: `${input.key}:left-open`, checkFirst: true },
      );
      return 'left-open';
    },
  };
}
