/**
 * `gridguard backup FILE` while the service takes a burst of leads (issue 15): the copy opens,
 * passes `integrity_check`, and holds every lead whose intake was answered before the backup
 * began. The CLI runs as its own process, as an operator runs it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/env.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const run = promisify(execFile);
let sb: SandboxFixture;
const out = tempDir();
beforeAll(async () => {
  sb = await bootSandbox('backup');
});
afterAll(async () => {
  await sb?.cleanup();
  out.cleanup();
});

const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { PATH: process.env.PATH!, DATABASE_PATH: sb.config.databasePath, GRIDGUARD_PROFILE: sb.config.profilePath, LOG_LEVEL: 'warn' },
  });

describe('gridguard backup during an intake burst', () => {
  it('writes a database that opens, is intact and holds every lead answered before it began', async () => {
    const answered: string[] = [];
    let stop = false;
    // Four clients pushing leads one after another until the backup is done.
    const clients = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const lead = aLead({ level: 'medium', unit: 'G3' });
        const res = await postLeads(sb.app.url(), lead);
        if (res.status === 200) answered.push(lead.externalId as string);
      }
    });
    while (answered.length < 40) await new Promise((r) => setImmediate(r));
    const before = [...answered];
    const file = join(out.dir, 'copy.db');
    const { stdout } = await cli('backup', file);
    stop = true;
    await Promise.all(clients);
    expect(stdout).toMatch(/^backup written: .*copy\.db/);

    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const has = copy.prepare('select 1 from case_leads where external_id = ?');
      const missing = before.filter((id) => !has.get(id));
      expect(missing).toEqual([]);
      expect(answered.length).toBeGreaterThan(before.length);
    } finally {
      copy.close();
    }
  });

  it('says in one line when the target cannot be written, and exits non-zero', async () => {
    const err = await cli('backup', join(out.dir, 'no-such-folder', 'x.db')).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^gridguard: cannot write .*the folder .* does not exist$/)]);
  });
});
