// A reference API server in its own process, so the load generator does not share its event loop and the memory
// reported is the server's alone. Started by bench/lib/server-process.mjs; talks over the IPC channel.
import { startServer } from '@dvc-kit/reference-api/node';

const options = JSON.parse(process.argv[2] ?? '{}');
const started = performance.now();
const server = await startServer({ ...options, host: '127.0.0.1', port: 0, quiet: true });
const readyMs = performance.now() - started;

// Codes to ask for in detail requests: the first page of the whole catalogue in its listing order.
const codes = server.catalogue.search({ pageSize: 50 }).items.map((item) => item.code);

process.send({
  type: 'ready',
  url: server.url,
  readyMs,
  size: server.catalogue.size,
  codes,
  // Fake demo ID numbers, held in memory only, to make lookups that succeed.
  dossiers: server.demo.map((d) => ({ code: d.code, idNumber: d.idNumber })),
});

process.on('message', async (message) => {
  if (message === 'memory') {
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ type: 'memory', rss, heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 });
  } else if (message === 'close') {
    await server.close();
    process.exit(0);
  }
});
