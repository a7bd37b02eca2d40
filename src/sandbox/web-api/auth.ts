import type { MethodTable } from './context.ts';

/** auth.test: who the token belongs to (Bolt calls it as it starts). */
export const authMethods: MethodTable = {
  'auth.test': (ctx) => {
    const id = ctx.ws.identity;
    return {
      url: `https://${id.teamDomain}.slack.com/`, team: id.teamDomain, user: id.botName, team_id: id.teamId,
      user_id: id.botUserId, bot_id: id.botId, is_enterprise_install: false,
    };
  },
};
