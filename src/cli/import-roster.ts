/**
 * `gridguard import roster <file>`: a duty table (值班表, .xlsx or .csv with the headers 日期,
 * 时段, 单位, 姓名; optional 类型 and 备注) into SQLite. All-or-nothing unless told to skip bad
 * rows; a dry run writes nothing. The running service sees the new table within seconds.
 */
import type { Config } from '../config.js';
import { importRoster } from '../core/duty.js';
import { indexOrg } from '../domain/org.js';
import { readRosterRows, type RosterRow, type RosterRowError } from '../domain/roster-import.js';
import type { Log } from '../log.js';
import { rostersOf } from '../profile-rosters.js';
import { openCore } from './core.js';
import { readRows } from './spreadsheet.js';

export interface RosterImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
}

export interface RosterImportReport {
  dataRows: number;
  good: RosterRow[];
  errors: RosterRowError[];
  written: number;
  replaced: number;
  fileProblem: string | null;
}

export async function importRosterFile(config: Config, log: Log, file: string, o: RosterImportOptions, now: () => number = Date.now): Promise<RosterImportReport> {
  const report: RosterImportReport = { dataRows: 0, good: [], errors: [], written: 0, replaced: 0, fileProblem: null };
  let rows;
  try {
    rows = await readRows(file);
  } catch (err) {
    return { ...report, fileProblem: (err as Error).message };
  }
  if (rows.length < 2) return { ...report, fileProblem: '表格在表头下没有数据行' };
  const tz = config.profile.timezone;
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric' }).format(new Date(now())));
  const read = readRosterRows(rows, indexOrg(config.profile.org), rostersOf(config.profile.rosters, tz), year);
  Object.assign(report, { dataRows: read.dataRows, good: read.rows, errors: read.errors, fileProblem: read.fileProblem });
  if (read.fileProblem || o.dryRun || read.rows.length === 0 || (read.errors.length && !o.skipInvalid)) return report;
  const { store } = openCore(config, log, now);
  try {
    const done = importRoster(store.db, read.rows, now(), 'cli', tz);
    report.written = done.written;
    report.replaced = done.replaced;
  } finally {
    store.close();
  }
  return report;
}

/** The report as the operator reads it (Chinese, one line per problem). */
export function formatRosterReport(file: string, r: RosterImportReport, o: RosterImportOptions): string {
  if (r.fileProblem) return `无法导入 ${file}：${r.fileProblem}`;
  const lines = [`${file}：共 ${r.dataRows} 行数据`];
  for (const e of r.errors) lines.push(`  第${e.row}行 ${e.field}：${e.message}`);
  const duty = r.good.filter((g) => g.kind === 'slot').length;
  const leave = r.good.length - duty;
  const summary = `值班 ${duty} 行，请假 ${leave} 行`;
  if (o.dryRun) lines.push(`试运行，未写入。若导入：${summary}${r.errors.length ? `；${r.errors.length} 处错误${o.skipInvalid ? '的行将被跳过' : '需先修正'}` : ''}。`);
  else if (r.written) lines.push(`已导入：${summary}${r.replaced ? `；替换了同单位同日期的旧排班 ${r.replaced} 行` : ''}${r.errors.length ? `；跳过有错误的行 ${new Set(r.errors.map((e) => e.row)).size} 行` : ''}。运行中的服务几秒内按新排班派单。`);
  else if (r.errors.length) lines.push(`有 ${r.errors.length} 处错误，未导入任何排班。修正后重试，或加 --skip-invalid 只导入正确的行。`);
  else lines.push('没有可导入的行。');
  return lines.join('\n');
}
