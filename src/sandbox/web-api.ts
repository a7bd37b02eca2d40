/**
 * The emulator's Web API: pure-ish functions over the in-memory workspace, one file per method
 * family in web-api/. This module keeps the names other files (and tests) have always imported.
 */
export { callWebApi } from './web-api/dispatch.ts';
export { ApiError, invalidArguments, type ApiResponse, type Args, type Handler, type MethodTable, type WebApiContext } from './web-api/context.ts';
export { EXTRA_REQUIRED } from './web-api/required-args.ts';
export { buildView, openModal, replaceView } from './web-api/modal-stack.ts';
export { postBotEphemeral, postBotMessage, replaceMessageContent } from './web-api/post-message.ts';
export { channelOut, messageOut, userOut, viewOut } from './web-api/serialize.ts';
