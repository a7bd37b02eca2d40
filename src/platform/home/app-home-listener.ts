import type { SlackListeners } from '../slack/listener-table.ts';
import type { Logger } from 'pino';
import type { HomePublisher } from './home-publisher.ts';

/**
 * `app_home_opened` (Home tab only; the Messages tab sends it too): publish the person's Home
 * tab. The event is acked by Bolt first; a failed publish is logged, and the next open retries.
 */
export function registerAppHomeListener(app: SlackListeners, deps: { publisher: Pick<HomePublisher, 'publish'>; log: Pick<Logger, 'warn'> }): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    await deps.publisher.publish(event.user).catch((err: unknown) => deps.log.warn({ err: (err as Error).message, user: event.user }, 'home: could not publish a Home tab'));
  });
}
