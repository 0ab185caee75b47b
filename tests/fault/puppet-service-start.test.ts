/**
 * The deployer's first step off the sandbox (issue 15): `WECHATY_PUPPET=wechaty-puppet-service`
 * with a token that cannot be resolved stops the service with one gridguard line that says
 * which, a non-zero exit, and the token nowhere in what it printed.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, uniquePrefix } from '../support/env.js';
import { freePort, serviceEnv, writeFaultProfile } from '../support/service.js';

const TOKEN = 'puppet_padlocal_5ecret0123456789abcdef';
const dir = tempDir();
afterAll(() => dir.cleanup());

function start(extra: Record<string, string>): Promise<{ code: number | null; output: string }> {
  writeFaultProfile(dir.dir);
  const env = serviceEnv(dir.dir, uniquePrefix('puppet-service'), { WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: TOKEN, ...extra });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

describe('wechaty-puppet-service with a token that does not resolve', () => {
  it('stops with one line naming the token service, exit 1, and never prints the token', async () => {
    const port = await freePort(); // nothing listens there: the token service cannot be reached
    const { code, output } = await start({ WECHATY_PUPPET_SERVICE_AUTHORITY: `127.0.0.1:${port}` });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^gridguard: cannot reach the Wechaty token service 127\.0\.0\.1:\d+ to resolve WECHATY_PUPPET_SERVICE_TOKEN puppet_padlocal_… .*ECONNREFUSED/)]);
    expect(output).not.toContain('5ecret0123456789abcdef');
  });

  it('does the same with the default token service (no network, or a token it does not know)', async () => {
    const { code, output } = await start({});
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^gridguard: .*WECHATY_PUPPET_SERVICE_TOKEN puppet_padlocal_… /)]);
    expect(output).not.toContain('5ecret0123456789abcdef');
    expect(output).not.toMatch(/TypeError|at .*\.js:\d+/);
  });
});
