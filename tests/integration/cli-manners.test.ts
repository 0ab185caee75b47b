/**
 * CLI manners (issue 15): an impossible date or an unwritable output says so in one line and
 * exits non-zero; every command's --help shows an example.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/env.js';

const run = promisify(execFile);
const dir = tempDir();
afterAll(() => dir.cleanup());
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { PATH: process.env.PATH!, DATABASE_PATH: join(dir.dir, 'g.db'), LOG_LEVEL: 'warn' } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

describe('gridguard report', () => {
  it('refuses an impossible date in one line', async () => {
    const r = await cli('report', '--from', '2026-13-01', '--out', join(dir.dir, 'r.xlsx'));
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual(['--from: 2026-13-01 is not a date; expected an ISO time or a date like 2026-11-23']);
  });

  it('refuses an output it cannot write, in one line', async () => {
    const r = await cli('report', '--out', '/proc/no/report.xlsx');
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^--out: cannot write \/proc\/no\/report\.xlsx: /)]);
  });
});

describe('--help', () => {
  it('of every command shows an example', async () => {
    const commands = [[], ['import'], ['import', 'leads'], ['report'], ['backup'], ['shift'], ['shift', 'close']];
    const results = await Promise.all(commands.map((cmd) => cli(...cmd, '--help')));
    results.forEach((r, i) => {
      expect(r.code, commands[i]!.join(' ')).toBe(0);
      expect(r.stdout, commands[i]!.join(' ')).toMatch(/Examples?:\n {2}\$ (npx gridguard|GRIDGUARD_PROFILE)/);
    });
  });
});
