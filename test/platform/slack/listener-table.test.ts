/** The listener table behind Bolt: one Bolt listener per kind, each request to the one listener registered for its id. */
import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ListenerTable } from '../../../src/platform/slack/listener-table.ts';

/** A receiver that hands Bolt the bodies a test gives it, as the HTTP and Socket Mode receivers do. */
class DirectReceiver implements Receiver {
  private app?: App;
  init(app: App): void {
    this.app = app;
  }
  start(): Promise<unknown> {
    return Promise.resolve();
  }
  stop(): Promise<unknown> {
    return Promise.resolve();
  }
  async deliver(body: Record<string, unknown>): Promise<boolean> {
    let acked = false;
    const event: ReceiverEvent = { body, ack: async () => void (acked = true) };
    await this.app!.processEvent(event);
    return acked;
  }
}

function rig() {
  const receiver = new DirectReceiver();
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-test' }) });
  const table = new ListenerTable();
  const calls: string[] = [];
  return { receiver, app, table, calls };
}

const team = { id: 'T1' };
const user = { id: 'U1' };
const click = (actionId: string) => ({ type: 'block_actions', team, user, api_app_id: 'A1', token: 't', trigger_id: 'x', container: {}, actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1' }] });
const submit = (callbackId: string, type = 'view_submission') => ({ type, team, user, api_app_id: 'A1', token: 't', trigger_id: 'x', view: { id: 'V1', callback_id: callbackId, type: 'modal', team_id: 'T1', state: { values: {} } } });

describe('ListenerTable', () => {
  it('routes a click, a submission, a suggestion and an event to the listener of its id, and only that one', async () => {
    const { receiver, app, table, calls } = rig();
    table.action('page.ack', async ({ ack, action }) => {
      await ack();
      calls.push(`action ${'action_id' in action ? action.action_id : ''}`);
    });
    table.action({ action_id: 'page.resolve' }, async ({ ack }) => {
      await ack();
      calls.push('resolve');
    });
    table.view('page.create', async ({ ack, view }) => {
      await ack();
      calls.push(`view ${view.callback_id}`);
    });
    table.options('access.group', async ({ ack, body }) => {
      await ack({ options: [] });
      calls.push(`options ${body.action_id}`);
    });
    table.event('app_home_opened', async ({ event }) => {
      calls.push(`event ${event.type}`);
    });
    table.mount(app);
    expect(await receiver.deliver(click('page.ack'))).toBe(true);
    expect(await receiver.deliver(click('page.resolve'))).toBe(true);
    expect(await receiver.deliver(submit('page.create'))).toBe(true);
    expect(await receiver.deliver({ type: 'block_suggestion', team, user, api_app_id: 'A1', token: 't', action_id: 'access.group', block_id: 'b', value: 'k8s', container: {} })).toBe(true);
    await receiver.deliver({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event: { type: 'app_home_opened', user: 'U1', tab: 'home' } });
    expect(calls).toEqual(['action page.ack', 'resolve', 'view page.create', 'options access.group', 'event app_home_opened']);
  });

  it('leaves an id nobody registered unanswered (the receiver answers and logs it), and a closed modal to nobody', async () => {
    const { receiver, app, table, calls } = rig();
    table.action('page.ack', async ({ ack }) => {
      await ack();
      calls.push('ack');
    });
    table.view('page.create', async ({ ack }) => {
      await ack();
      calls.push('view');
    });
    table.mount(app);
    expect(await receiver.deliver(click('old.button'))).toBe(false);
    expect(await receiver.deliver(submit('page.create', 'view_closed'))).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses an id registered twice: two listeners would both act on one click', () => {
    const { table } = rig();
    table.action('page.ack', async () => undefined);
    expect(() => table.action({ action_id: 'page.ack' }, async () => undefined)).toThrow('two Slack listeners for the action "page.ack"');
    table.view('page.ack', async () => undefined);
    expect(table.ids('action')).toEqual(['page.ack']);
    expect(table.ids('view')).toEqual(['page.ack']);
  });

  it('puts every capability behind four Bolt listeners at most', async () => {
    const { app, table } = rig();
    for (let i = 0; i < 50; i++) table.action(`a${i}`, async () => undefined);
    table.view('v', async () => undefined);
    table.mount(app);
    // Bolt keeps its listeners in a private array; its length is what each request walks.
    expect((app as unknown as { listeners: unknown[] }).listeners).toHaveLength(2);
  });
});
