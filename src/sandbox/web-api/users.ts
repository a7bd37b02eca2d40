import { str } from './args.ts';
import { ApiError, type MethodTable } from './context.ts';
import { userOut } from './serialize.ts';

/** users.*: people, found by id or (case-insensitively) by e-mail. */
export const usersMethods: MethodTable = {
  'users.info': (ctx, args) => {
    const user = ctx.ws.users.get(str(args, 'user') ?? '');
    if (!user) throw new ApiError('user_not_found');
    return { user: userOut(ctx.ws, user) };
  },

  'users.lookupByEmail': (ctx, args) => {
    const email = (str(args, 'email') ?? '').toLowerCase();
    const user = [...ctx.ws.users.values()].find((u) => u.email?.toLowerCase() === email);
    if (!user) throw new ApiError('users_not_found');
    return { user: userOut(ctx.ws, user) };
  },
};
