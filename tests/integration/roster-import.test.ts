/**
 * `gridguard import roster` (issue 16): a duty table into SQLite, all or nothing, each bad row
 * named by its spreadsheet row; `--skip-invalid` imports the good rows; `--dry-run` writes
 * nothing; a newer table replaces the same unit and day. Run as the operator runs it: the CLI
 * in its own process, on a real SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { formatRosterReport, importRosterFile } from '../../src/cli/import-roster.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../support/env.js';
import { captureLog } from '../support/log-capture.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

function cli(db: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'roster', ...args], {
    env: { PATH: process.env.PATH!, DATABASE_PATH: db, GRIDGUARD_PROFILE: 'bots/demo.yaml', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
}
const rows = (db: string) => new Database(db, { readonly: true }).prepare("select kind, member, unit_code as unit, status, label from duty_changes where source = 'import' order by id").all();
const csv = (name: string, lines: string[]) => {
  const file = join(dir.dir, name);
  writeFileSync(file, '\uFEFF' + ['日期,时段,单位,姓名,类型', ...lines].join('\r\n'));
  return file;
};

// Each CLI run starts Node with tsx: seconds on a busy machine.
describe('importing a duty table', { timeout: 90_000 }, () => {
  it('imports the sample file', () => {
    const db = join(dir.dir, 'sample.db');
    const run = cli(db, 'docs/samples/roster-sample.csv');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('已导入：值班 5 行，请假 1 行');
    expect(rows(db)).toHaveLength(6);
  });

  it('rejects a bad row with its row number and imports nothing', () => {
    const db = join(dir.dir, 'bad.db');
    const file = csv('bad.csv', ['2026-12-01,白班,G1,李网格,值班', '2026-12-01,早班,G1,周网格,值班', '2026-12-32,白班,G1,周网格,值班']);
    const run = cli(db, file);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('第3行 时段');
    expect(run.stdout).toContain('第4行 日期');
    expect(run.stdout).toContain('未导入任何排班');
    expect(() => rows(db)).toThrow(); // not even the database file was written
  });

  it('imports only the good rows with --skip-invalid, and nothing on a dry run', async () => {
    const db = join(dir.dir, 'skip.db');
    const file = csv('skip.csv', ['2026-12-01,白班,G1,李网格,值班', '2026-12-01,白班,G1,孙志愿,值班']);
    const config = loadConfig({ GRIDGUARD_PROFILE: 'bots/demo.yaml', DATABASE_PATH: db });
    const log = captureLog().log;
    const dry = await importRosterFile(config, log, file, { dryRun: true, skipInvalid: true });
    expect(formatRosterReport(file, dry, { dryRun: true, skipInvalid: true })).toContain('试运行，未写入');
    expect(dry.written).toBe(0);
    const run = await importRosterFile(config, log, file, { dryRun: false, skipInvalid: true });
    expect(run.errors.map((e) => [e.row, e.field])).toEqual([[3, '姓名']]);
    expect(rows(db)).toEqual([{ kind: 'slot', member: '李网格', unit: 'G1', status: 'approved', label: '白班' }]);
  });

  it('replaces the same unit and day when a newer table is imported, from an .xlsx', async () => {
    const db = join(dir.dir, 'again.db');
    copyFileSync('docs/samples/roster-sample.csv', join(dir.dir, 'first.csv'));
    expect(cli(db, join(dir.dir, 'first.csv')).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('值班表');
    ws.addRow(['日期', '时段', '单位', '姓名']);
    ws.addRow(['2026-12-01', '白班', 'G1', '陈网格']);
    const file = join(dir.dir, 'second.xlsx');
    await wb.xlsx.writeFile(file);
    const config = loadConfig({ GRIDGUARD_PROFILE: 'bots/demo.yaml', DATABASE_PATH: db });
    const run = await importRosterFile(config, captureLog().log, file, { dryRun: false, skipInvalid: false });
    expect(run.replaced).toBe(2);
    const g1 = (rows(db) as { member: string; unit: string; status: string; label: string }[]).filter((r) => r.unit === 'G1' && r.label === '白班');
    expect(g1.filter((r) => r.status === 'approved').map((r) => r.member)).toEqual(['周网格', '陈网格']);
  });
});
