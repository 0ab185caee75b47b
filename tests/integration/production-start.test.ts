/**
 * A production start: `npm run build` compiles src/ for plain node (no tsx), and the build comes
 * up on a temporary database and stops cleanly on SIGTERM. `npm start` passes SIGTERM on to the
 * service: no node process of it is left running after npm is gone (it used to be orphaned,
 * still serving, because `sh -c` did not pass the signal on).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, tempDir, uniquePrefix } from '../support/env.js';
import { serviceEnv, startService, until, writeFaultProfile } from '../support/service.js';

const prefix = uniquePrefix('production-start');
let tmp: ReturnType<typeof tempDir>;
let outDir: string;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  tmp = tempDir();
  writeFaultProfile(tmp.dir);
  // The build must sit directly inside the repository (beside migrations/ and node_modules/).
  outDir = mkdtempSync(join(process.cwd(), '.build-test-'));
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', outDir]);
}, 90_000);
afterAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  tmp.cleanup();
  await deleteKeys(prefix);
});

describe('npm run build', () => {
  it('runs with plain node on a fresh database and stops cleanly on SIGTERM', async () => {
    expect(existsSync(join(outDir, 'http', 'sandbox-page.html'))).toBe(true);
    const service = await startService(serviceEnv(tmp.dir, prefix, { DATABASE_PATH: join(tmp.dir, 'prod.db') }), ['--max-old-space-size=128', join(outDir, 'main.js')]);
    try {
      const page = await fetch(`${service.url}/sandbox`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<select id="member">');
    } finally {
      await service.stop();
    }
    expect(service.child.exitCode).toBe(0);
    expect(service.output()).toMatch(/GridGuard stopped/);
    expect(service.output()).not.toMatch(/tsx/);
  });
});

describe('npm start', () => {
  it('stops the service when npm gets SIGTERM, leaving no node process behind', async () => {
    const env = serviceEnv(tmp.dir, prefix, { DATABASE_PATH: join(tmp.dir, 'npm.db') });
    const npm = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout!.on('data', (d) => (out += d));
    npm.stderr!.on('data', (d) => (out += d));
    const npmExit = new Promise<void>((res) => npm.once('exit', () => res()));
    let servicePid = 0;
    try {
      await until(() => /GridGuard is up/.test(out), 30_000, 'npm start came up');
      servicePid = Number(execFileSync('pgrep', ['-P', String(npm.pid)], { encoding: 'utf8' }).trim().split('\n')[0]);
      expect(servicePid).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await npmExit;
      await until(() => !alive(servicePid), 15_000, 'the service process gone');
    } finally {
      if (servicePid && alive(servicePid)) process.kill(servicePid, 'SIGKILL');
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
    expect(out).toMatch(/GridGuard stopped/);
  });
});
