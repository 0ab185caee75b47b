// `npm run build [-- <outDir>]`: compiles src/ to plain JavaScript (default dist/) for
// `npm run start:prod`, which runs it with node and no runtime transpiler. The output sits
// beside migrations/ (src/store/db.ts finds them as ../../migrations from dist/store/), so the
// outDir must be a folder directly inside the repository; the sandbox and board pages are copied.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import process from 'node:process';

const outDir = resolve(process.argv[2] ?? 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { stdio: 'inherit' });
mkdirSync(join(outDir, 'http'), { recursive: true });
copyFileSync('src/http/sandbox-page.html', join(outDir, 'http', 'sandbox-page.html'));
copyFileSync('src/http/board-page.html', join(outDir, 'http', 'board-page.html'));
process.stdout.write(`built ${outDir} (start it with npm run start:prod)\n`);
