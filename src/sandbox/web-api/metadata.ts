import { isObject, type MessageMetadata } from '../slack-workspace.ts';
import { jsonArg } from './args.ts';
import { ApiError, type Args } from './context.ts';

/**
 * Message metadata (`{ event_type, event_payload }`) as chat.postMessage and chat.update take
 * it: a JSON string in a form post, an object in a JSON post; Slack refuses anything else.
 */
export function metadataArg(args: Args): MessageMetadata | undefined {
  if (args.metadata === undefined || args.metadata === '') return undefined;
  const value = jsonArg(args, 'metadata', new ApiError('invalid_metadata_format'));
  if (!isObject(value)) throw new ApiError('invalid_metadata_format');
  if (typeof value.event_type !== 'string' || value.event_type === '' || !isObject(value.event_payload)) {
    throw new ApiError('invalid_metadata_schema');
  }
  return { event_type: value.event_type, event_payload: structuredClone(value.event_payload) };
}
