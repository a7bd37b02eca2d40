import { promises as dns } from 'node:dns';
import { describeError } from '../../status/domain/probe.ts';

/** Resolver answer, values in presentation form (MX `10 mx.example`, CAA `0 issue pki.goog`, TXT chunks joined). */
export type DnsAnswer =
  | { kind: 'answer'; values: string[] }
  /** The name does not exist (NXDOMAIN). */
  | { kind: 'no-such-name' }
  /** The name exists but has no record of this type (NODATA). */
  | { kind: 'no-data' }
  /** No usable answer: timeout, SERVFAIL, refused, network error. */
  | { kind: 'failed'; reason: string };

export type DnsQueryType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'CAA';

export interface DnsClient {
  query(name: string, type: DnsQueryType, signal: AbortSignal): Promise<DnsAnswer>;
}

export interface NodeDnsClientOptions {
  /** `1.1.1.1`, `127.0.0.1:5353`, `[::1]:53`; default: the system's resolvers. */
  servers?: readonly string[];
  timeoutMs?: number;
}

/** DnsClient over node:dns `Resolver`: one try per server, cancelled when the signal aborts. */
export function createNodeDnsClient(options: NodeDnsClientOptions = {}): DnsClient {
  return {
    async query(name, type, signal) {
      const resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 2000, tries: 1 });
      if (options.servers && options.servers.length > 0) resolver.setServers([...options.servers]);
      const onAbort = () => resolver.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return { kind: 'answer', values: await resolveAs(resolver, name, type) };
      } catch (error) {
        if (signal.aborted) throw error;
        return classify(error);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

async function resolveAs(resolver: dns.Resolver, name: string, type: DnsQueryType): Promise<string[]> {
  switch (type) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    case 'MX':
      return (await resolver.resolveMx(name)).map((mx) => `${mx.priority} ${mx.exchange}`);
    case 'CAA':
      return (await resolver.resolveCaa(name)).map((caa) => {
        const { critical, ...rest } = caa;
        const [tag = '', value = ''] = Object.entries(rest)[0] ?? [];
        return `${critical} ${tag} ${String(value)}`;
      });
  }
}

function classify(error: unknown): DnsAnswer {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOTFOUND':
      return { kind: 'no-such-name' };
    case 'ENODATA':
      return { kind: 'no-data' };
    case 'ETIMEOUT':
      return { kind: 'failed', reason: 'timed out' };
    case 'ESERVFAIL':
      return { kind: 'failed', reason: 'SERVFAIL' };
    case 'EREFUSED':
      return { kind: 'failed', reason: 'refused' };
    case 'ECONNREFUSED':
      return { kind: 'failed', reason: 'connection refused' };
    default:
      return { kind: 'failed', reason: typeof code === 'string' ? code : describeError(error) };
  }
}
