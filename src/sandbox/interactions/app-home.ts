import type { EventResult } from '../emulator-interface.ts';
import { viewOut } from '../web-api/serialize.ts';
import { userOf, type InteractionContext } from './context.ts';
import { sendEvent } from './events.ts';

/** A person opens the app's Home tab: app_home_opened (with the current Home view, if any). */
export async function openHome(ix: InteractionContext, userId: string): Promise<EventResult | undefined> {
  userOf(ix, userId);
  if (!ix.subscribed.has('app_home_opened')) return undefined;
  const homeId = ix.ws.homeViews.get(userId);
  const home = homeId ? ix.ws.views.get(homeId)?.view : undefined;
  return sendEvent(ix, {
    type: 'app_home_opened', user: userId, channel: ix.ws.dmWith(userId).id, tab: 'home', event_ts: ix.ws.nextTs(),
    ...(home ? { view: viewOut(home) } : {}),
  });
}
