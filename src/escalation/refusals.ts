import type { PageAction, PageActor } from './domain/page-permissions.ts';
import { recordedName } from './domain/page-permissions.ts';
import type { PageAuditTrail } from './ports/page-audit.ts';

export interface Refusal {
  /** `page:<id>`, or `subproject:<id>` for a page that was not raised. */
  subject: string;
  actor: PageActor | string;
  action: PageAction | 'page' | 'pager-event';
  reason: string;
  details?: Record<string, unknown>;
}

/** Every refusal is audited as `page.refused` with the action and the reason (nothing else changed). */
export async function recordRefusal(audit: PageAuditTrail, refusal: Refusal, now: Date): Promise<void> {
  const actor = typeof refusal.actor === 'string' ? refusal.actor : recordedName(refusal.actor);
  const slack = typeof refusal.actor !== 'string' && refusal.actor.kind === 'stranger' ? { notInConfig: true } : {};
  await audit.record({ at: now, actor, action: 'page.refused', subject: refusal.subject, payload: { action: refusal.action, reason: refusal.reason, ...slack, ...refusal.details } });
}
