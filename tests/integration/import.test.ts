/** `gridguard import leads`: the shipped samples, bad rows, dry runs, GB18030 CSV, and delivery by the service. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatImportReport, importLeads } from '../../src/cli/import-leads.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openStore } from '../../src/store/db.js';
import { captureLog } from '../support/log-capture.js';
import { tempDir } from '../support/env.js';
import { bootSandbox } from '../support/sandbox.js';

let tmp: ReturnType<typeof tempDir>;
let config: Config;
const log = captureLog().log;
const opts = { dryRun: false, skipInvalid: false };

beforeEach(() => {
  tmp = tempDir();
  config = loadConfig({ DATABASE_PATH: join(tmp.dir, 'g.db') });
});
afterEach(() => tmp.cleanup());

function caseCount(): number {
  const store = openStore(config.databasePath);
  try {
    return (store.sqlite.prepare('select count(*) as n from cases').get() as { n: number }).n;
  } finally {
    store.close();
  }
}

const HEADER = '线索编号,预警等级,网格,姓名,手机号,地址,诈骗类型,涉案金额';
const row = (id: string, phone: string, level = '紧急') => `${id},${level},G1,张三,${phone},幸福里小区3号楼2单元501,刷单返利,5000`;

describe('importing leads', () => {
  it.each(['docs/samples/leads-sample.csv', 'docs/samples/leads-sample.xlsx'])('creates the cases of the shipped sample %s', async (file) => {
    const report = await importLeads(config, log, file, opts);
    expect(report.errors).toEqual([]);
    expect(report.results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'created', 'created']);
    expect(caseCount()).toBe(5);
    const again = await importLeads(config, log, file, opts);
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(caseCount()).toBe(5);
  });

  it('reports a bad row and creates nothing unless told to skip bad rows', async () => {
    const file = join(tmp.dir, 'bad.csv');
    writeFileSync(file, [HEADER, row('A-1', '13900000001'), row('A-2', '1390000'), row('A-3', '13900000003', '特急')].join('\n'));
    const report = await importLeads(config, log, file, opts);
    expect(report.errors).toEqual([
      { row: 3, field: 'subject.phone', message: expect.any(String) },
      { row: 4, field: 'level', message: expect.stringContaining('特急') },
    ]);
    expect(report.written).toBe(false);
    expect(caseCount()).toBe(0);
    expect(formatImportReport(file, report, opts)).toContain('第3行 subject.phone');

    const dry = await importLeads(config, log, file, { dryRun: true, skipInvalid: true });
    expect(dry.results).toHaveLength(1);
    expect(caseCount()).toBe(0);

    const skipped = await importLeads(config, log, file, { dryRun: false, skipInvalid: true });
    expect(skipped.results).toEqual([{ externalId: 'A-1', caseId: expect.any(String), status: 'created' }]);
    expect(caseCount()).toBe(1);
  });

  it('reads a GB18030 CSV as Excel in China saves it', async () => {
    const file = join(tmp.dir, 'gbk.csv');
    const text = [HEADER, row('G-1', '13900000011')].join('\r\n');
    writeFileSync(file, encodeGb18030(text));
    const report = await importLeads(config, log, file, opts);
    expect(report.fileProblem).toBeNull();
    expect(report.results).toHaveLength(1);
  });

  it('names the missing columns of a file that is not a lead sheet', async () => {
    const file = join(tmp.dir, 'other.csv');
    writeFileSync(file, '姓名,电话\n张三,13900000000\n');
    const report = await importLeads(config, log, file, opts);
    expect(report.fileProblem).toMatch(/missing columns: externalId, level, unit/);
  });

  it('exits non-zero from the command line when a row is bad', () => {
    const file = join(tmp.dir, 'bad.csv');
    writeFileSync(file, [HEADER, row('B-1', '123')].join('\n'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'leads', file], {
      env: { PATH: process.env.PATH!, DATABASE_PATH: config.databasePath },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('第2行 subject.phone');
    expect(run.stdout).toContain('未导入任何线索');
  });

  it('is dispatched by the service from the outbox', async () => {
    await importLeads(config, log, 'docs/samples/leads-sample.csv', opts);
    const sb = await bootSandbox('import', { env: { DATABASE_PATH: config.databasePath } });
    try {
      // Several urgent cases of the sheet go to this room; the first row's arrives masked.
      const msg = await sb.botMessage((m) => m.room === '幸福里第一网格工作群' && m.text.includes('【紧急预警】') && m.text.includes('冒充公检法'));
      expect(msg.text).toContain('张**');
      expect(msg.text).not.toContain('张建国');
    } finally {
      await sb.cleanup();
    }
  });
});

/** Encodes text as GB18030 for the two-byte range used here (via a round trip through iconv-free tables). */
function encodeGb18030(text: string): Buffer {
  // Node has no GB18030 encoder; build one from the decoder for the characters we use.
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
