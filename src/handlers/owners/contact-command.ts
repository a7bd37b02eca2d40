import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import { DIRECTORY_NOT_CONFIGURED } from '../../owners/contact-keys.ts';
import { findPersonArg } from '../../owners/domain/person-arg.ts';
import { prepareReveal } from '../../owners/use-cases/prepare-reveal.ts';
import { contactModal } from '../../owners/views/contact-modal.ts';
import { leadRevealMessage, refusedRevealText, revealChoicesMessage, revealedMessage } from '../../owners/views/contact-messages.ts';
import type { ContactHandlerDeps } from '../../owners/contact-deps.ts';

/**
 * `/k8s-infra contact`: your own details in a modal. `/k8s-infra contact @x`: what you may do to
 * reach x (a Reveal button during an open page or incident you respond to; otherwise, page them).
 */
export function contactCommand(deps: ContactHandlerDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    if (!deps.vault.configured) return ctx.reply({ response_type: 'ephemeral', text: DIRECTORY_NOT_CONFIGURED });
    const actor = deps.people.bySlackId(ctx.userId);
    if (ctx.args.length === 0) {
      if (!actor) throw new UserFacingError('Only people listed in the config keep contact details here.');
      const saved = await deps.vault.read(actor.id);
      await ctx.ack();
      await ctx.client.views.open({ trigger_id: ctx.triggerId, view: contactModal(saved, { timezone: actor.timezone, start: actor.workingHours.start, end: actor.workingHours.end }) });
      return;
    }
    const target = findPersonArg(ctx.args[0]!, deps.allPeople);
    if (!target) throw new UserFacingError(`Nobody called ${ctx.args[0]} is in the config's people. Usage: \`/k8s-infra contact @person\`.`);
    const mention = deps.people.mention(target.id);
    const prepared = await prepareReveal(deps, { actor: actor?.id, target: target.id }, ctx.now);
    if (prepared.kind === 'self') {
      const details = await deps.vault.read(target.id);
      if (!details) return ctx.reply({ response_type: 'ephemeral', text: 'You have not entered contact details yet: `/k8s-infra contact` opens the form.' });
      return ctx.reply({ response_type: 'ephemeral', ...revealedMessage(mention, details, 'Your own details; only you see this.') });
    }
    if (prepared.kind === 'choices') return ctx.reply({ response_type: 'ephemeral', ...revealChoicesMessage(target.id, mention, prepared.contexts) });
    if (prepared.kind === 'lead-needs-reason') return ctx.reply({ response_type: 'ephemeral', ...leadRevealMessage(target.id, mention) });
    return ctx.reply({ response_type: 'ephemeral', text: refusedRevealText(mention, deps.pageHint(target.id)) });
  };
}
