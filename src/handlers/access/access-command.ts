import { createHash } from 'node:crypto';
import type { AccessRequest } from '../../access/domain/access-request.ts';
import { isApprover } from '../../access/domain/approval-rules.ts';
import { requestAccess } from '../../access/domain/access-request-lifecycle.ts';
import type { AccessFieldErrors } from '../../access/domain/validate-access-request.ts';
import { accessListReply } from '../../access/views/access-request-message.ts';
import { ACCESS_BLOCKS, accessRequestModal } from '../../access/views/access-request-modal.ts';
import type { CommandContext } from '../../platform/commands/command-router.ts';
import type { AccessService } from '../../access/access-service.ts';

/** Bolt's `view.state.values` entry, narrowed to what the modal uses. */
interface InputState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
}

export type ViewValues = Record<string, Record<string, InputState>>;

function single(values: ViewValues, block: string): InputState | undefined {
  const entries = Object.values(values[block] ?? {});
  return entries[0];
}

/** The modal's state as the validation's input. */
export function readAccessModal(values: ViewValues): { group: string; email: string; justification: string; until: string | undefined; temporary: boolean } {
  const temporary = single(values, ACCESS_BLOCKS.duration)?.selected_option?.value === 'temporary';
  return {
    group: single(values, ACCESS_BLOCKS.group)?.selected_option?.value ?? '',
    email: single(values, ACCESS_BLOCKS.email)?.value ?? '',
    justification: single(values, ACCESS_BLOCKS.justification)?.value ?? '',
    until: single(values, ACCESS_BLOCKS.until)?.selected_date ?? undefined,
    temporary,
  };
}

/** Same modal submission, same id: a retried view_submission finds the request it made. */
export function requestIdFor(viewId: string, userId: string): string {
  return `ar-${createHash('sha256').update(`${viewId}:${userId}`).digest('hex').slice(0, 12)}`;
}

/** `/k8s-infra access` opens the modal; `/k8s-infra access list` lists requests. */
export function accessCommand(service: AccessService) {
  return async (ctx: CommandContext): Promise<void> => {
    if (ctx.args[0] === 'list') {
      await ctx.ack();
      const mine = await service.repo.listByRequester(ctx.userId);
      const actor = service.actorFor(ctx.userId);
      let waiting: AccessRequest[] = [];
      if (actor.github) {
        const pending = await service.repo.listByStatus(['pending']);
        const catalog = await service.deps.access.catalog.get().catch(() => undefined);
        waiting = pending.filter((r) => {
          if (r.requester.slackUserId === ctx.userId) return false;
          if (r.approvals.some((a) => a.slackUserId === ctx.userId)) return false;
          const approvers = catalog?.find(r.group.emailId)?.approvers ?? r.approversAtRequest;
          return isApprover(actor.github, approvers);
        });
      }
      await ctx.reply(accessListReply({ mine, waiting }));
      return;
    }
    await ctx.ack();
    let email = service.deps.people.bySlackId(ctx.userId)?.email;
    try {
      const info = await ctx.client.users.info({ user: ctx.userId });
      email = info.user?.profile?.email ?? email;
    } catch (err) {
      ctx.log.warn({ err }, 'users.info failed; using the config e-mail');
    }
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: accessRequestModal({ ...(email ? { defaultEmail: email } : {}), channel: service.policy.channel }) });
    // Warm the catalog while the person types.
    void service.deps.access.catalog.get().catch(() => undefined);
  };
}

export type SubmitResult = { ok: true; request: AccessRequest; message: string; duplicate: boolean } | { ok: false; errors: AccessFieldErrors };

/** The modal's submit: validate, create, persist with its effects (posting happens from the outbox). */
export async function submitAccessRequest(service: AccessService, args: { viewId: string; userId: string; values: ViewValues }): Promise<SubmitResult> {
  const input = readAccessModal(args.values);
  const id = requestIdFor(args.viewId, args.userId);
  const existing = await service.repo.get(id);
  if (existing) return { ok: true, request: existing, message: 'Already submitted.', duplicate: true };
  if (input.temporary && !input.until) return { ok: false, errors: { until: 'Temporary access needs its last day.' } };
  let catalog;
  try {
    catalog = await service.deps.access.catalog.get();
  } catch (err) {
    service.deps.log.error({ err }, 'groups catalog unavailable');
    return { ok: false, errors: { group: 'The bot cannot read the groups from GitHub right now; try again in a minute.' } };
  }
  const now = service.deps.clock.now();
  const result = requestAccess({
    id,
    requester: service.actorFor(args.userId),
    input: { group: input.group, email: input.email, justification: input.justification, until: input.temporary ? input.until : undefined },
    catalog,
    rules: service.rules,
    policy: service.policy,
    now,
  });
  if (!result.ok) return { ok: false, errors: result.errors };
  const transition = {
    ...result,
    effects: [...result.effects, { type: 'notify-requester' as const, key: `${id}:notify-requester:requested`, requestId: id, slackUserId: args.userId, text: result.message }],
  };
  const inserted = await service.persist(undefined, transition);
  return { ok: true, request: result.request, message: result.message, duplicate: !inserted };
}
