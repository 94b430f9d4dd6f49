// Starts bench/lib/api-server.mjs as a child (TypeScript sources through the `source` condition) and wraps its
// IPC messages in promises.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./api-server.mjs', import.meta.url));

export async function startServerProcess(options) {
  const child = fork(entry, [JSON.stringify(options)], {
    execArgv: ['--conditions=source', '--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const next = (type) => new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message);
    };
    const onExit = (code) => reject(new Error(`bench server exited (${code}) before "${type}": ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
  const ready = await next('ready');
  return {
    ...ready,
    pid: child.pid,
    async memory() {
      const reply = next('memory');
      child.send('memory');
      const { rss, heapUsed, maxRss } = await reply;
      return { rss, heapUsed, maxRss };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
