import { GoogleAuth } from 'google-auth-library';
import { ReaderError } from '../../status/ports/gcp-readers.ts';
/**
 * How to reach a Google API. Production leaves everything unset: the default endpoint over
 * gRPC with Application Default Credentials. Tests and local mode point the REST fallback at
 * a local fake (`{ fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port, authClient: noCredentialsAuthClient() }`).
 */
export interface GcpConnection {
  fallback?: boolean;
  protocol?: 'http' | 'https';
  apiEndpoint?: string;
  port?: number;
  /** An auth client object (google-auth-library shape); default: Application Default Credentials. */
  authClient?: object;
  /** Per-request deadline in ms (default 4000), below the status runner's 5 s timeout. */
  requestTimeoutMs?: number;
}

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const CREDENTIALS_RETRY_MS = 5 * 60_000;

/**
 * Resolves Application Default Credentials once, before any Google client exists. A gax client
 * built without credentials leaves one rejected promise per RPC method that nobody awaits
 * (unhandled rejections on every probe round); asking first means no client is built until
 * credentials are there, and the probe reports `unknown` with the reason instead.
 */
export function credentialsResolver(connection: GcpConnection, now: () => number = Date.now): () => Promise<GcpConnection> {
  if (connection.authClient) return async () => connection;
  let resolved: Promise<GcpConnection> | undefined;
  let failedAt = 0;
  return async () => {
    if (!resolved || (failedAt && now() - failedAt > CREDENTIALS_RETRY_MS)) {
      failedAt = 0;
      resolved = new GoogleAuth({ scopes: CLOUD_PLATFORM_SCOPE }).getClient().then(
        (authClient) => ({ ...connection, authClient }),
        (err: unknown) => {
          failedAt = now();
          throw new ReaderError('unauthenticated', `no Google credentials: ${err instanceof Error ? err.message.split('.')[0] : String(err)}`);
        },
      );
      resolved.catch(() => undefined);
    }
    return resolved;
  };
}

export function clientOptions(connection: GcpConnection): Record<string, unknown> {
  const { requestTimeoutMs: _ignored, ...rest } = connection;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/**
 * An auth client that adds no credentials, for local fakes only. google-gax 5 calls `fetch`,
 * google-gax 4 (inside @google-cloud/logging) calls `getRequestHeaders` and fetches itself.
 */
export function noCredentialsAuthClient(): object {
  return {
    getRequestHeaders: async () => ({}),
    fetch: (url: string | URL, init?: RequestInit) => {
      // gax passes node-fetch style extras (agent, responseType) that the global fetch does not know.
      const { headers, body, method, signal } = init ?? {};
      return fetch(url, { ...(headers ? { headers } : {}), ...(body ? { body } : {}), ...(method ? { method } : {}), ...(signal ? { signal } : {}) });
    },
  };
}
