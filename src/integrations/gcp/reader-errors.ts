import { ReaderError, type ReaderErrorKind } from '../../status/ports/gcp-readers.ts';

/** gRPC status codes that google-gax puts on errors (REST errors are mapped to them too). */
const KIND_BY_GRPC_CODE: Record<number, ReaderErrorKind> = {
  4: 'unavailable', // DEADLINE_EXCEEDED
  5: 'not-found',
  7: 'permission-denied',
  8: 'unavailable', // RESOURCE_EXHAUSTED (quota)
  13: 'unavailable', // INTERNAL
  14: 'unavailable',
  16: 'unauthenticated',
};

/** Turns whatever a Google client threw into a ReaderError the status core understands. */
export function toReaderError(error: unknown): ReaderError {
  if (error instanceof ReaderError) return error;
  const e = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown; name?: unknown }) : {};
  const message = typeof e.message === 'string' ? e.message.split('\n')[0]!.slice(0, 200) : String(error);
  if (typeof e.code === 'number' && KIND_BY_GRPC_CODE[e.code]) return new ReaderError(KIND_BY_GRPC_CODE[e.code]!, message);
  // The REST fallback fails to decode a body that is not the expected JSON.
  if (error instanceof SyntaxError || /JSON|Unexpected token|invalid|cannot decode|fromProto3JSON|null response/i.test(message)) {
    return new ReaderError('bad-response', message);
  }
  return new ReaderError('failed', message);
}

/** Rejects as soon as `signal` aborts; the Google call itself is left to its own deadline. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
