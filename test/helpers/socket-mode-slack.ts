/**
 * Slack's Socket Mode side for tests, on loopback: `apps.connections.open` (app token required)
 * answers a `ws://` URL; a connection gets `hello`; each request the emulator makes (slash command,
 * interaction, event) goes down the socket as an envelope with an `envelope_id`, and the bot's ack
 * (`{envelope_id, payload}`) becomes the emulator's HTTP answer, as Slack's own edge turns one into
 * the other. `refresh()` sends `disconnect` (reason `refresh_requested`), as Slack does before it
 * recycles a connection; the client is expected to open a new one.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Express, Request, Response } from 'express';
import express from 'express';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketModeSlack {
  /** Where the emulator delivers (its botUrl): requests are turned into envelopes from here. */
  bridgeUrl: string;
  /** Connections opened so far (each after its own apps.connections.open). */
  connections: number;
  /** Every envelope sent and the ack that came back (undefined while unanswered). */
  envelopes: { envelope_id: string; type: string; acked?: unknown }[];
  /** Sends `disconnect` with reason refresh_requested to the open connection. */
  refresh(): void;
  /** Resolves once `n` connections have been greeted with hello. */
  waitForConnections(n: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

const ACK_TIMEOUT_MS = 3000;

/** Mounts the Socket Mode endpoints on the emulator's server (before the emulator's own router). */
export function mountSocketModeSlack(web: Express, server: Server, baseUrl: string, appToken: string): SocketModeSlack {
  const wss = new WebSocketServer({ noServer: true });
  let current: WebSocket | undefined;
  let greeted = 0;
  let nextTicket = 1;
  let nextEnvelope = 1;
  const tickets = new Set<string>();
  const pending = new Map<string, (payload: unknown) => void>();
  const envelopes: SocketModeSlack['envelopes'] = [];

  web.post('/api/apps.connections.open', (req: Request, res: Response) => {
    if (req.headers.authorization !== `Bearer ${appToken}`) {
      res.json({ ok: false, error: 'invalid_auth' });
      return;
    }
    const ticket = `ticket-${nextTicket++}`;
    tickets.add(ticket);
    res.json({ ok: true, url: `${baseUrl.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=A0SOCKET` });
  });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const ticket = new URL(req.url ?? '/', baseUrl).searchParams.get('ticket') ?? '';
    // A ticket works once, as Slack's do.
    if (!req.url?.startsWith('/link/') || !tickets.delete(ticket)) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      current = ws;
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) pending.get(message.envelope_id)?.(message.payload);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-test', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0SOCKET' } }));
      greeted++;
    });
  });

  // The emulator signs its requests for HTTP mode; over a socket Slack sends no signature, so the
  // bridge reads the body the way Slack's edge would and drops the headers.
  web.post('/bridge', express.text({ type: '*/*', limit: '1mb' }), (req: Request, res: Response) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    let type: string;
    let payload: unknown;
    if ((req.headers['content-type'] ?? '').includes('json')) {
      type = 'events_api';
      payload = JSON.parse(raw);
    } else {
      const form = Object.fromEntries(new URLSearchParams(raw));
      if (form.payload !== undefined) {
        type = 'interactive';
        payload = JSON.parse(form.payload);
      } else {
        type = 'slash_commands';
        payload = form;
      }
    }
    const ws = current;
    if (!ws || ws.readyState !== ws.OPEN) {
      res.status(503).end();
      return;
    }
    const envelope_id = `env-${nextEnvelope++}`;
    const record: SocketModeSlack['envelopes'][number] = { envelope_id, type };
    envelopes.push(record);
    const timer = setTimeout(() => {
      pending.delete(envelope_id);
      res.status(504).end();
    }, ACK_TIMEOUT_MS);
    pending.set(envelope_id, (ackPayload) => {
      clearTimeout(timer);
      pending.delete(envelope_id);
      record.acked = ackPayload ?? {};
      const empty = ackPayload === undefined || (typeof ackPayload === 'object' && ackPayload !== null && Object.keys(ackPayload).length === 0);
      if (empty) res.status(200).end();
      else res.status(200).json(ackPayload);
    });
    ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}) }));
  });

  return {
    bridgeUrl: `${baseUrl}/bridge`,
    get connections() {
      return greeted;
    },
    envelopes,
    refresh() {
      current?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-test' } }));
    },
    async waitForConnections(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (greeted < n || current?.readyState !== current?.OPEN) {
        if (Date.now() > deadline) throw new Error(`Socket Mode: ${greeted} connection(s), wanted ${n}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
