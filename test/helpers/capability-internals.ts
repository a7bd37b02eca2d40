import type { Bot } from '../../src/platform/start-bot.ts';
import { ACCESS_API } from '../../src/access/api.ts';
import type { AccessIntegrations } from '../../src/access/ports/access-integrations.ts';
import { PAGING_API } from '../../src/escalation/api.ts';
import type { PageService } from '../../src/escalation/page-service.ts';
import { ROTA_API, type RotaApi } from '../../src/rota/api.ts';
import type { OnCallDeps } from '../../src/platform/app-deps.ts';

/** Transitional: the paging capability's service behind its api, for tests of its internals. */
export function pageService(bot: Bot): PageService {
  return bot.api(PAGING_API) as PageService;
}

export function onCallOf(bot: Bot): RotaApi {
  return bot.api(ROTA_API);
}

export function accessIntegrationsOf(bot: Bot): AccessIntegrations {
  return bot.api(ACCESS_API).integrations;
}

export function onCallDeps(bot: Bot): OnCallDeps {
  return { ...bot.deps, onCall: onCallOf(bot) };
}
