import type { RequestHandler } from 'express';

/**
 * Local mode lets anyone act as anyone (leads included) and its emulator accepts a fixed token,
 * so a web page elsewhere must not reach it by DNS rebinding: only requests naming this machine
 * (or the address the operator chose with HOST) in their Host header are served.
 */
export function localHostGuard(boundHost: string): RequestHandler {
  const anyAddress = boundHost === '0.0.0.0' || boundHost === '::';
  const allowed = new Set(['localhost', '127.0.0.1', '[::1]', '::1', boundHost.toLowerCase()]);
  return (req, res, next) => {
    const header = (req.headers.host ?? '').toLowerCase();
    const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0] ?? '';
    if (anyAddress || allowed.has(name)) {
      next();
      return;
    }
    res.status(403).type('text/plain').send(`local mode answers only requests to localhost (Host was ${JSON.stringify(header)}); set HOST to serve another address\n`);
  };
}
