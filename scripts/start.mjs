// `npm start`: the reference API from its TypeScript sources on HOST/PORT (default 127.0.0.1:8787), with the
// examples and CDN bundles beside it (built first when missing), printing the URLs and three demo dossiers to try.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'packages/reference-api/src/cli.ts');
const args = ['--conditions=source', cli, '--print-demo'];
// Running TypeScript directly (the server, and the build's own TypeScript helpers) needs Node >= 22.18; on an older
// Node, take Node 24 from scripts/ensure-node.sh.
const [major, minor] = process.versions.node.split('.').map(Number);
const modern = major > 22 || (major === 22 && minor >= 18);
/** `node …args` on a Node that runs TypeScript: this one, or Node 24 from scripts/ensure-node.sh. */
function nodeCommand(nodeArgs) {
  if (modern) return [process.execPath, nodeArgs];
  const quoted = nodeArgs.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return ['bash', ['-c', `. '${join(root, 'scripts/ensure-node.sh')}' && exec node ${quoted}`]];
}

// A fresh clone has nothing built yet: build once (about half a minute) so the example pages have their bundles.
const builtFiles = ['packages/elements/dist/cdn/dvc-kit.js', 'examples/vite-app/dist/index.html', 'examples/react-app/dist/index.html'];
if (!builtFiles.every((file) => existsSync(join(root, file)))) {
  console.log('npm start: building the bundles and example apps first (npm run build)');
  const build = spawnSync(...nodeCommand([join(root, 'scripts/build.mjs')]), { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The npm example apps are served from their build output; more specific prefixes come first.
const statics = {
  '/examples/vite-app/': join(root, 'examples/vite-app/dist'),
  '/examples/react-app/': join(root, 'examples/react-app/dist'),
  '/examples/': join(root, 'examples'),
  '/cdn/': join(root, 'packages/elements/dist/cdn'),
};
for (const [prefix, dir] of Object.entries(statics)) if (existsSync(dir)) args.push('--static', `${prefix}=${dir}`);
args.push(...process.argv.slice(2));

const child = spawn(...nodeCommand(args), { stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
