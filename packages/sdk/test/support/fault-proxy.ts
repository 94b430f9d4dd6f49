/**
 * A fault-injection HTTP proxy for tests: it sits between a client and the real reference API and, following
 * rules, drops connections, delays, answers 500/503/429 itself, or spoils a real 200 body (truncated,
 * malformed, wrong shape). It records every request it saw, so tests count retries where they really happen:
 * on the wire.
 *
 * Browsers drive it through its control endpoint: `PUT /__faults` with a JSON array of rules replaces the
 * rules and forgets the log, `GET /__faults` returns `{ requests }`. Every answer the proxy makes itself
 * carries CORS headers, so a page on another origin sees the status rather than a CORS failure.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultKind =
  /** Close the connection without an answer, before the request reaches the server. */
  | 'drop'
  /** Let the server handle the request, then close the connection without passing its answer on. */
  | 'drop-after'
  /** Send the real status and headers and half of the body, then reset the connection. */
  | 'reset-body'
  /** Wait `delayMs`, then pass the request on. */
  | 'delay'
  /** Answer `status` (500, 503, 429...) with a problem document and, if set, `Retry-After: retryAfter`. */
  | 'status'
  /** A complete 200 whose JSON body is cut in the middle. */
  | 'truncated'
  /** A complete 200 whose body is not JSON. */
  | 'malformed'
  /** A complete 200 with well-formed JSON of the wrong shape. */
  | 'wrong-shape';

export interface FaultRule {
  fault: FaultKind;
  /** Only requests with this method (upper case). */
  method?: string;
  /** Only requests whose path starts with this (e.g. "/v1/survey-responses"). */
  path?: string;
  /** Apply to the first `times` matching requests only. */
  times?: number;
  /** Apply to every `every`-th matching request (the 3rd, 6th... for 3). */
  every?: number;
  status?: number;
  /** Seconds, or an HTTP date as a string. */
  retryAfter?: number | string;
  delayMs?: number;
}

export interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** The fault applied, if any. */
  fault: FaultKind | null;
  at: number;
}

export interface FaultProxy {
  url: string;
  /** Replace the rules and forget what was seen. */
  set(...rules: FaultRule[]): void;
  /** Requests seen (CORS preflights excluded), optionally only those matching. */
  seen(filter?: { method?: string; path?: string }): SeenRequest[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After, ETag',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

export async function startFaultProxy(target: string, host = '127.0.0.1'): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rules: (FaultRule & { matched: number })[] = [];
  let log: SeenRequest[] = [];
  const sockets = new Set<Socket>();

  const set = (...next: FaultRule[]) => {
    rules = next.map((r) => ({ ...r, matched: 0 }));
    log = [];
  };
  const seen = (f: { method?: string; path?: string } = {}) =>
    log.filter((r) => (!f.method || r.method === f.method) && (!f.path || r.path.startsWith(f.path)));

  const pick = (method: string, path: string): FaultRule | null => {
    for (const r of rules) {
      if ((r.method && r.method !== method) || (r.path && !path.startsWith(r.path))) continue;
      r.matched++;
      if (r.times !== undefined && r.matched > r.times) continue;
      if (r.every !== undefined && r.matched % r.every !== 0) continue;
      return r;
    }
    return null;
  };

  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    if (path.startsWith('/__faults')) return control(req, res);
    if (method === 'OPTIONS') return pass(req, res);
    const rule = pick(method, path);
    const header = req.headers['idempotency-key'];
    log.push({ method, path, idempotencyKey: typeof header === 'string' ? header : null, fault: rule?.fault ?? null, at: Date.now() });
    if (!rule) return pass(req, res);
    switch (rule.fault) {
      case 'drop':
        return req.socket.destroy();
      case 'delay': {
        // A client that gives up closes the connection: stop waiting too (no timer outlives the test).
        const go = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), rule.delayMs ?? 1000);
          res.on('close', () => { clearTimeout(timer); resolve(false); });
        });
        return go ? pass(req, res) : undefined;
      }
      case 'status': {
        const status = rule.status ?? 500;
        const slug = status === 429 ? 'rate-limited' : 'internal';
        return answer(res, status, JSON.stringify({ type: `urn:dvc-kit:problem:${slug}`, title: 'Injected fault', status }), {
          'content-type': 'application/problem+json',
          ...(rule.retryAfter !== undefined && { 'retry-after': String(rule.retryAfter) }),
        });
      }
      default:
        return spoil(req, res, rule.fault);
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function upstreamRequest(req: IncomingMessage, onResponse: (up: IncomingMessage) => void, onError: () => void) {
    const up = forward(new URL(req.url ?? '/', upstream), { method: req.method, headers: { ...req.headers, host: upstream.host } }, onResponse);
    up.on('error', onError);
    req.pipe(up);
  }

  function pass(req: IncomingMessage, res: ServerResponse) {
    upstreamRequest(req, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    }, () => res.destroy());
  }

  function spoil(req: IncomingMessage, res: ServerResponse, fault: FaultKind) {
    upstreamRequest(req, async (up) => {
      const chunks: Buffer[] = [];
      for await (const c of up) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const json = { 'content-type': 'application/json', 'cache-control': 'no-store' };
      if (fault === 'drop-after') return req.socket.destroy();
      if (fault === 'reset-body') {
        const { 'content-length': _length, ...headers } = up.headers;
        res.writeHead(up.statusCode ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
        res.write(body.slice(0, Math.floor(body.length / 2)));
        // Let the half body reach the client before the reset.
        return setTimeout(() => req.socket.destroy(), 50);
      }
      if (fault === 'truncated') return answer(res, 200, body.slice(0, Math.floor(body.length / 2)), json);
      if (fault === 'malformed') return answer(res, 200, "{'items': [1, 2,, <html>", json);
      return answer(res, 200, JSON.stringify({ items: 'not a list', total: 'many', id: 42 }), json);
    }, () => res.destroy());
  }

  async function control(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'PUT') {
      let text = '';
      for await (const c of req) text += c;
      set(...(JSON.parse(text || '[]') as FaultRule[]));
    }
    return answer(res, req.method === 'OPTIONS' ? 204 : 200, req.method === 'OPTIONS' ? '' : JSON.stringify({ requests: log }), {
      'content-type': 'application/json',
    });
  }

  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    set,
    seen,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function answer(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
  res.writeHead(status, { ...CORS, ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}
