import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import { whoOwns, type WhoOwnsDeps } from '../../ownership/use-cases/who-owns.ts';
import { whoOwnsMessage } from '../../ownership/views/who-owns-message.ts';

/** `/k8s-infra who-owns <thing>`: anyone may ask; the answer is ephemeral. */
export function whoOwnsCommand(deps: WhoOwnsDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const thing = ctx.rest.trim();
    if (!thing) throw new UserFacingError('Usage: `/k8s-infra who-owns <thing>`: a domain name, GCP project, bucket, cluster, Google group, image path or service, e.g. `/k8s-infra who-owns gcsweb.k8s.io`.');
    if (thing.length > 300 || /\s/.test(thing)) throw new UserFacingError('Name one thing (no spaces), e.g. `/k8s-infra who-owns gs://k8s-artifacts-prod`.');
    // The first answer may load the groups catalog from GitHub: ack within Slack's 3 s, answer after.
    await ctx.ack();
    const result = await whoOwns(deps, { thing, now: ctx.now });
    await ctx.reply({ response_type: 'ephemeral', ...whoOwnsMessage(result) });
  };
}
