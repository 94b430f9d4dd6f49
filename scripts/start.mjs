// `npm start`: the reference API from its TypeScript sources on HOST/PORT (default 127.0.0.1:8787), with the
// examples and CDN bundles beside it when they exist, printing the URLs and three demo dossiers to try.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'packages/reference-api/src/cli.ts');
const args = ['--conditions=source', cli, '--print-demo'];
const statics = { '/examples/': join(root, 'examples'), '/cdn/': join(root, 'packages/elements/dist/cdn') };
for (const [prefix, dir] of Object.entries(statics)) if (existsSync(dir)) args.push('--static', `${prefix}=${dir}`);
args.push(...process.argv.slice(2));

// Running TypeScript directly needs Node >= 22.18; on an older Node, take Node 24 from scripts/ensure-node.sh.
const [major, minor] = process.versions.node.split('.').map(Number);
const modern = major > 22 || (major === 22 && minor >= 18);
const quoted = args.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
const child = modern
  ? spawn(process.execPath, args, { stdio: 'inherit' })
  : spawn('bash', ['-c', `. '${join(root, 'scripts/ensure-node.sh')}' && exec node ${quoted}`], { stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
