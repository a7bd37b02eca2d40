import type { BlockAction, ButtonAction } from '@slack/bolt';

/** The change a button is about (its value), and where it was clicked. */
export function clickedChange(body: BlockAction): { changeId: string; channel: string | undefined; key: string } | undefined {
  const action = body.actions[0] as ButtonAction | undefined;
  const changeId = action?.value;
  if (!changeId || !/^chg-[0-9a-f]{8}$/.test(changeId)) return undefined;
  // Slack sends the same action_ts on a retried delivery of one click.
  return { changeId, channel: body.channel?.id ?? body.container?.channel_id, key: `${body.user.id}:${action.action_ts}` };
}
