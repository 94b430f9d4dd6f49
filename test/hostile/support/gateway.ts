// A stand-in for a province's own gateway implementing the API contract, for what the reference server never sends:
// its catalogue loader cleans text and derives portal links, so a `javascript:` portal URL, match positions outside
// the name, or a survey form full of markup can only come from someone else's server. Fixed JSON per route, with
// CORS, from another origin (as a real gateway is); everything else is a 404 problem.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Gateway {
  url: string;
  /** "GET /v1/procedures" and the like, in order. */
  requests: string[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, accept-language, if-none-match, idempotency-key, x-captcha-token',
  'access-control-max-age': '600',
};

/** Serves `routes["GET /v1/fields"]` etc. as JSON bodies (the query string is ignored). */
export async function startGateway(routes: Record<string, unknown>): Promise<Gateway> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    req.resume();
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    requests.push(`${method} ${path}`);
    const body = routes[`${method} ${path}`];
    const status = body === undefined ? 404 : 200;
    const text = JSON.stringify(body ?? { type: 'urn:dvc-kit:problem:not-found', title: 'Not found', status: 404 });
    res.writeHead(status, {
      ...CORS,
      'content-type': status === 200 ? 'application/json' : 'application/problem+json',
      'cache-control': 'no-store',
    }).end(text);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
