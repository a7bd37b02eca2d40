import type { Bot } from '../../src/platform/start-bot.ts';
import { PAGING_API } from '../../src/escalation/api.ts';
import type { PageService } from '../../src/escalation/page-service.ts';

/** Transitional: the paging capability's service behind its api, for tests of its internals. */
export function pageService(bot: Bot): PageService {
  return bot.api(PAGING_API) as PageService;
}
