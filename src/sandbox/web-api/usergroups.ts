import { bool, listArg, str } from './args.ts';
import { ApiError, type MethodTable } from './context.ts';

/** usergroups.*: @-mentionable groups (the on-call handles), with unique names and handles. */
export const usergroupsMethods: MethodTable = {
  'usergroups.create': (ctx, args) => {
    const name = str(args, 'name') ?? '';
    const handle = str(args, 'handle') ?? '';
    const groups = [...ctx.ws.usergroups.values()];
    if (groups.some((g) => g.name === name)) throw new ApiError('name_already_exists');
    if (handle && groups.some((g) => g.handle === handle)) throw new ApiError('handle_already_exists');
    const group = {
      id: ctx.ws.nextId('S'), team_id: ctx.ws.identity.teamId, name, handle, description: str(args, 'description') ?? '',
      users: [], user_count: 0, date_create: Math.floor(ctx.ws.nowMs() / 1000), is_usergroup: true as const,
    };
    ctx.ws.usergroups.set(group.id, group);
    return { usergroup: structuredClone(group) };
  },

  'usergroups.list': (ctx, args) => {
    const withUsers = bool(args, 'include_users');
    return {
      usergroups: [...ctx.ws.usergroups.values()].map(({ users, ...g }) => ({ ...structuredClone(g), ...(withUsers ? { users: [...users] } : {}) })),
    };
  },

  'usergroups.users.update': (ctx, args) => {
    const group = ctx.ws.usergroups.get(str(args, 'usergroup') ?? '');
    if (!group) throw new ApiError('no_such_subteam');
    const users = listArg(args, 'users');
    if (users.length === 0) throw new ApiError('no_users_provided');
    if (users.some((u) => !ctx.ws.users.has(u))) throw new ApiError('invalid_users');
    group.users = [...new Set(users)];
    group.user_count = group.users.length;
    return { usergroup: structuredClone(group) };
  },
};
