import { WEB_API_METHODS } from '../web-api-required-params.ts';
import { ApiError, invalidArguments, type Args } from './context.ts';

/** Arguments Slack requires that the 2019 OpenAPI spec leaves unmarked (Slack's method pages mark them). */
export const EXTRA_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'chat.delete': ['channel', 'ts'],
  'views.update': ['view'],
  'conversations.create': ['name'],
  'conversations.invite': ['channel', 'users'],
  'conversations.join': ['channel'],
  'conversations.info': ['channel'],
  'conversations.history': ['channel'],
  'conversations.replies': ['channel', 'ts'],
  'users.info': ['user'],
};

/** The error Slack gives when a required argument is missing, where it is not `invalid_arguments`. */
const MISSING_ARGUMENT_ERRORS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'chat.postMessage': { channel: 'channel_not_found' },
  'chat.postEphemeral': { channel: 'channel_not_found', user: 'user_not_found' },
  'chat.update': { channel: 'channel_not_found', ts: 'message_not_found' },
  'chat.delete': { channel: 'channel_not_found', ts: 'message_not_found' },
  'chat.getPermalink': { channel: 'channel_not_found', message_ts: 'message_not_found' },
  'conversations.create': { name: 'invalid_name_required' },
  'conversations.invite': { channel: 'channel_not_found', users: 'no_user' },
  'conversations.join': { channel: 'channel_not_found' },
  'conversations.info': { channel: 'channel_not_found' },
  'conversations.history': { channel: 'channel_not_found' },
  'conversations.replies': { channel: 'channel_not_found', ts: 'thread_not_found' },
  'pins.add': { channel: 'channel_not_found', timestamp: 'no_item_specified' },
  'reactions.add': { channel: 'no_item_specified', timestamp: 'no_item_specified', name: 'invalid_name' },
  'users.info': { user: 'user_not_found' },
  'users.lookupByEmail': { email: 'users_not_found' },
  'usergroups.users.update': { usergroup: 'no_such_subteam', users: 'no_users_provided' },
};

/** Missing required arguments: the spec's, plus the ones Slack enforces that the spec does not mark. */
export function missingArgument(method: string, args: Args): ApiError | undefined {
  const required = [...(WEB_API_METHODS[method]?.required ?? []), ...(EXTRA_REQUIRED[method] ?? [])];
  for (const name of required) {
    const v = args[name];
    if (v === undefined || v === null || v === '') {
      const code = MISSING_ARGUMENT_ERRORS[method]?.[name];
      return code ? new ApiError(code) : invalidArguments([`[ERROR] missing required field: ${name}`]);
    }
  }
  return undefined;
}
