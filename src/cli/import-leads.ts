/**
 * `gridguard import leads <file>`: the centre's spreadsheets into cases, with the same
 * validation and idempotency as the API. All-or-nothing unless told to skip bad rows; a dry
 * run shows what would happen and writes nothing. The running service relays the outbox.
 */
import type { Config } from '../config.js';
import type { IntakeResult } from '../core/intake.js';
import { mapHeaders, rowToLead } from '../domain/lead-columns.js';
import { MAX_BATCH, validateLeads } from '../domain/lead.js';
import { indexOrg } from '../domain/org.js';
import type { Log } from '../log.js';
import { openCore } from './core.js';
import { readRows } from './spreadsheet.js';

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  errors: RowError[];
  results: IntakeResult[];
  written: boolean;
  /** A problem with the whole file (unreadable, missing columns). */
  fileProblem: string | null;
}

class DryRunRollback extends Error {}

export async function importLeads(config: Config, log: Log, file: string, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, errors: [], results: [], written: false, fileProblem: null };
  let rows;
  try {
    rows = await readRows(file);
  } catch (err) {
    return { ...report, fileProblem: (err as Error).message };
  }
  if (rows.length < 2) return { ...report, fileProblem: 'the file has no data rows under the header row' };
  const header = rows[0]!.map((c) => String(c ?? ''));
  const { fields, unknown, missing } = mapHeaders(header);
  if (missing.length) return { ...report, fileProblem: `missing columns: ${missing.join(', ')} (headers found: ${header.join(', ')})` };
  if (unknown.length) log.warn({ unknown }, 'ignoring unknown columns');

  const org = indexOrg(config.profile.org);
  const good: { row: number; lead: Record<string, unknown> }[] = [];
  const firstRowOf = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c === null || c === '')) return;
    report.rows += 1;
    const lead = rowToLead(fields, cells);
    const v = validateLeads(lead, org);
    if (!v.ok) {
      for (const e of v.errors) report.errors.push({ row, field: e.field, message: e.message });
      return;
    }
    const id = v.leads[0]!.externalId;
    if (firstRowOf.has(id)) {
      report.errors.push({ row, field: 'externalId', message: `same externalId as row ${firstRowOf.get(id)}` });
      return;
    }
    firstRowOf.set(id, row);
    good.push({ row, lead });
  });

  if (report.errors.length && !options.skipInvalid && !options.dryRun) return report;
  if (good.length === 0) return report;

  const { core, store } = openCore(config, log);
  try {
    try {
      // One transaction for the file; intake takes at most MAX_BATCH leads per call, so the
      // rows go in chunks (each a savepoint inside it): a 10,000-row sheet is one all-or-nothing import.
      store.db.transaction(() => {
        const results: IntakeResult[] = [];
        for (let from = 0; from < good.length; from += MAX_BATCH) {
          const chunk = good.slice(from, from + MAX_BATCH);
          const outcome = core.intake({ leads: chunk.map((g) => g.lead) });
          if (!outcome.ok) {
            for (const e of outcome.errors) report.errors.push({ row: chunk[e.index]!.row, field: e.field, message: e.message });
            throw new DryRunRollback();
          }
          results.push(...outcome.results);
        }
        report.results = results;
        if (options.dryRun || (report.errors.length && !options.skipInvalid)) throw new DryRunRollback();
      });
      report.written = true;
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
  } finally {
    store.close();
  }
  return report;
}

const STATUS_ZH = { created: '新建', duplicate: '已存在', merged: '并入在办案件' } as const;

/** The report as the operator reads it in the terminal (Chinese, one line per problem). */
export function formatImportReport(file: string, r: ImportReport, options: ImportOptions): string {
  if (r.fileProblem) return `无法导入 ${file}：${r.fileProblem}`;
  const lines = [`${file}：共 ${r.rows} 行数据`];
  for (const e of r.errors) lines.push(`  第${e.row}行 ${e.field}：${e.message}`);
  const counts = { created: 0, duplicate: 0, merged: 0 };
  for (const res of r.results) counts[res.status] += 1;
  const summary = (Object.keys(counts) as (keyof typeof counts)[]).map((k) => `${STATUS_ZH[k]} ${counts[k]}`).join('，');
  if (options.dryRun) {
    lines.push(`试运行，未写入。若导入：${summary}${r.errors.length ? `；${r.errors.length} 处错误${options.skipInvalid ? '的行将被跳过' : '需先修正'}` : ''}。`);
  } else if (r.written) {
    const skipped = r.errors.length ? `；跳过有错误的行 ${new Set(r.errors.map((e) => e.row)).size} 行` : '';
    const dispatch = counts.created + counts.merged > 0 ? '运行中的服务会在几秒内派单。' : '';
    lines.push(`已导入：${summary}${skipped}。${dispatch}`);
    for (const res of r.results) lines.push(`  ${res.externalId} → ${res.caseId}（${STATUS_ZH[res.status]}）`);
  } else {
    lines.push(`有 ${r.errors.length} 处错误，未导入任何线索。修正后重试，或加 --skip-invalid 只导入正确的行。`);
  }
  return lines.join('\n');
}
