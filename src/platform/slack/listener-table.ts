import type { App, Middleware, SlackAction, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs, SlackOptionsMiddlewareArgs, SlackViewAction, SlackViewMiddlewareArgs } from '@slack/bolt';

/**
 * What a capability registers its Slack listeners on: one listener per action id, view callback
 * id (submissions), options action id (block suggestions) and event type. The signatures are
 * Bolt's own, so a handler is written as for `app.action(...)`.
 */
export interface SlackListeners {
  action<A extends SlackAction = SlackAction>(actionId: string | { action_id: string }, listener: Middleware<SlackActionMiddlewareArgs<A>>): void;
  view<V extends SlackViewAction = SlackViewAction>(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<V>>): void;
  options(actionId: string, listener: Middleware<SlackOptionsMiddlewareArgs<'block_suggestion'>>): void;
  event<E extends string>(eventType: E, listener: Middleware<SlackEventMiddlewareArgs<E>>): void;
}

type Kind = 'action' | 'view' | 'options' | 'event';
type Stored = (args: unknown) => Promise<void>;

/**
 * Every listener of every capability behind four Bolt listeners, found by id in a map. Bolt runs
 * each request through every listener it has, each with its own middleware chain and promises:
 * with some fifty listeners that cost more than the rest of the ack path together (half the
 * throughput of a bare Bolt app in bench/ack.bench.ts). An id registered twice is an error at
 * start-up: two capabilities answering one click would both act on it.
 */
export class ListenerTable implements SlackListeners {
  private readonly listeners: Record<Kind, Map<string, Stored>> = { action: new Map(), view: new Map(), options: new Map(), event: new Map() };

  // The id a request matched is what makes its payload the type the listener was registered with,
  // as in Bolt itself; the table keeps them type-erased.
  private add(kind: Kind, id: string, listener: unknown): void {
    const table = this.listeners[kind];
    if (table.has(id)) throw new Error(`two Slack listeners for the ${kind} "${id}"`);
    table.set(id, listener as Stored);
  }

  action<A extends SlackAction = SlackAction>(actionId: string | { action_id: string }, listener: Middleware<SlackActionMiddlewareArgs<A>>): void {
    this.add('action', typeof actionId === 'string' ? actionId : actionId.action_id, listener);
  }

  view<V extends SlackViewAction = SlackViewAction>(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<V>>): void {
    this.add('view', callbackId, listener);
  }

  options(actionId: string, listener: Middleware<SlackOptionsMiddlewareArgs<'block_suggestion'>>): void {
    this.add('options', actionId, listener);
  }

  event<E extends string>(eventType: E, listener: Middleware<SlackEventMiddlewareArgs<E>>): void {
    this.add('event', eventType, listener);
  }

  /** The ids registered, by kind (the manifest test compares them with manifest.yml). */
  ids(kind: Kind): string[] {
    return [...this.listeners[kind].keys()];
  }

  /**
   * Registers the four Bolt listeners. A request whose id nobody registered is left unanswered
   * here, as Bolt leaves it when no listener matches: the receiver acknowledges it and logs it.
   */
  mount(app: App): void {
    const run = async (kind: Kind, id: string | undefined, args: unknown) => {
      const listener = id === undefined ? undefined : this.listeners[kind].get(id);
      if (listener) await listener(args);
    };
    const any = /^/;
    if (this.listeners.action.size) app.action(any, (args) => run('action', 'action_id' in args.action ? args.action.action_id : undefined, args));
    // Bolt's view(callbackId) listens to submissions only; so does this one.
    if (this.listeners.view.size) app.view({ callback_id: any, type: 'view_submission' }, (args) => run('view', args.view.callback_id, args));
    if (this.listeners.options.size) app.options(any, (args) => run('options', 'action_id' in args.body ? args.body.action_id : undefined, args));
    if (this.listeners.event.size) app.event(any, (args) => run('event', args.event.type, args));
  }
}
