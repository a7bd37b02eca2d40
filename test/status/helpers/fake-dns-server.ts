import { createSocket, type Socket } from 'node:dgram';
import { bindUdp } from './listen.ts';

/**
 * A tiny authoritative DNS responder on 127.0.0.1 (UDP) for A, AAAA, CNAME, TXT, MX and CAA.
 * Records are keyed by lowercase name without trailing dot. Names not listed get NXDOMAIN; a known
 * name without the asked type gets NODATA. `silent` drops every query (a server that never answers).
 */
export interface FakeDnsRecords {
  [name: string]: { A?: string[]; AAAA?: string[]; CNAME?: string; TXT?: string[]; MX?: [number, string][]; CAA?: [number, string, string][] };
}

export interface FakeDnsServer {
  address: string;
  records: FakeDnsRecords;
  queries: { name: string; type: string }[];
  close(): Promise<void>;
}

const TYPES: Record<number, string> = { 1: 'A', 5: 'CNAME', 15: 'MX', 16: 'TXT', 28: 'AAAA', 257: 'CAA' };

export async function startFakeDnsServer(records: FakeDnsRecords, options: { silent?: boolean; servfail?: boolean } = {}): Promise<FakeDnsServer> {
  const socket: Socket = createSocket('udp4');
  const server: FakeDnsServer = {
    address: '',
    records,
    queries: [],
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (msg, rinfo) => {
    const question = readQuestion(msg);
    if (!question) return;
    server.queries.push({ name: question.name, type: TYPES[question.qtype] ?? String(question.qtype) });
    if (options.silent) return;
    const reply = answer(msg, question, server.records, options.servfail ?? false);
    socket.send(reply, rinfo.port, rinfo.address);
  });
  const port = await bindUdp(socket);
  server.address = `127.0.0.1:${port}`;
  return server;
}

interface Question {
  name: string;
  qtype: number;
  end: number;
}

function readQuestion(msg: Buffer): Question | undefined {
  if (msg.length < 12 || msg.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let i = 12;
  while (i < msg.length) {
    const len = msg[i]!;
    if (len === 0) break;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += 1 + len;
  }
  if (i + 5 > msg.length) return undefined;
  return { name: labels.join('.').toLowerCase(), qtype: msg.readUInt16BE(i + 1), end: i + 5 };
}

function answer(query: Buffer, q: Question, records: FakeDnsRecords, servfail: boolean): Buffer {
  const entry = records[q.name];
  const rdatas: Buffer[] = [];
  let rtype = q.qtype;
  if (entry && !servfail) {
    const type = TYPES[q.qtype];
    if (type === 'A') for (const ip of entry.A ?? []) rdatas.push(Buffer.from(ip.split('.').map(Number)));
    if (type === 'AAAA') for (const ip of entry.AAAA ?? []) rdatas.push(ipv6Bytes(ip));
    if (type === 'TXT') for (const t of entry.TXT ?? []) rdatas.push(txt(t));
    if (type === 'MX') for (const [pref, host] of entry.MX ?? []) rdatas.push(Buffer.concat([u16(pref), encodeName(host)]));
    if (type === 'CAA') for (const [flags, tag, value] of entry.CAA ?? []) rdatas.push(Buffer.concat([Buffer.from([flags, tag.length]), Buffer.from(tag), Buffer.from(value)]));
    if (type === 'CNAME' && entry.CNAME) rdatas.push(encodeName(entry.CNAME));
  }
  if (entry?.CNAME && TYPES[q.qtype] !== 'CNAME') {
    rtype = 5;
    rdatas.push(encodeName(entry.CNAME));
  }
  const rcode = servfail ? 2 : entry ? 0 : 3;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  const rd = query.readUInt16BE(2) & 0x0100;
  header.writeUInt16BE(0x8000 | 0x0400 | rd | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rdatas.length, 6);
  const rrs = rdatas.map((rdata) => Buffer.concat([u16(0xc00c), u16(rtype), u16(1), u32(300), u16(rdata.length), rdata]));
  return Buffer.concat([header, query.subarray(12, q.end), ...rrs]);
}

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])), Buffer.from([0])]);
}

function txt(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  // Long TXT values travel as several <=255-byte strings; resolvers join them.
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const part = bytes.subarray(i, i + 255);
    chunks.push(Buffer.from([part.length]), part);
    if (bytes.length === 0) break;
  }
  return Buffer.concat(chunks);
}

function ipv6Bytes(ip: string): Buffer {
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.concat(groups.map((g) => u16(parseInt(g, 16))));
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
