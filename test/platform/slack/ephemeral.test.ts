import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { tellEphemeral } from '../../../src/platform/slack/ephemeral.ts';

function recordingClient() {
  const calls: { method: string; args: Record<string, unknown> }[] = [];
  const record = (method: string) => async (args: Record<string, unknown>) => void calls.push({ method, args });
  // Only the two chat methods tellEphemeral may call.
  const client = { chat: { postEphemeral: record('chat.postEphemeral'), postMessage: record('chat.postMessage') } } as unknown as WebClient;
  return { client, calls };
}

describe('tellEphemeral', () => {
  it('next to the click when there is a channel; to the person’s DM when there is none (a click in the Home tab)', async () => {
    const inChannel = recordingClient();
    await tellEphemeral({ client: inChannel.client, channel: 'C1', user: 'U1' }, 'hello');
    expect(inChannel.calls).toEqual([{ method: 'chat.postEphemeral', args: { channel: 'C1', user: 'U1', text: 'hello' } }]);

    const fromHome = recordingClient();
    await tellEphemeral({ client: fromHome.client, user: 'U1' }, 'Already acknowledged by <@U2> at 03:14 UTC.');
    expect(fromHome.calls).toEqual([{ method: 'chat.postMessage', args: { channel: 'U1', text: 'Already acknowledged by <@U2> at 03:14 UTC.' } }]);
  });
});
