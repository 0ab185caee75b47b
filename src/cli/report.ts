/**
 * `gridguard report --from --to [--unit] --out report.xlsx|report.csv`: the stored shift
 * summaries, the case ledger (台账) and the outreach ledger (宣传台账) with Chinese headers, for Excel/WPS. Subjects are masked
 * unless `--with-personal-data` is given (and that export is audited: PIPL, log access).
 */
import { changesBetween } from '../store/duty.js';
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Config } from '../config.js';
import { METHOD_ZH, RESULT_ZH, STATUS_ZH, type Method, type Result, type Status } from '../domain/case-machine.js';
import { CATEGORIES, type Category } from '../domain/lead.js';
import { formatLocalDateTime } from '../domain/format.js';
import { maskName, maskPhone, maskAddress } from '../domain/mask.js';
import { indexOrg } from '../domain/org.js';
import type { ShiftSummary } from '../domain/summary.js';
import { LEVEL_ZH, type Level } from '../domain/types.js';
import { openStore, type Db } from '../store/db.js';
import { auditLog, caseOutcomes, cases, members, outreachLogs, shiftSummaries } from '../store/schema.js';
import { FORM_ZH, TARGET_ZH, type OutreachForm, type TargetGroup } from '../domain/outreach.js';
import { writeReportCharts } from './report-charts.js';

export interface ReportOptions {
  from: number;
  to: number;
  unit: string | null;
  out: string;
  withPersonalData: boolean;
  /** Also the period's charts as PNG files beside the spreadsheet (issue 19). */
  charts?: boolean;
}

type Cell = string | number | null;
interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const localTime = (ms: number | null, tz: string): string | null => (ms === null ? null : formatLocalDateTime(ms, tz));

const minutes = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 6000) / 10);

function summaryTable(db: Db, config: Config, o: ReportOptions, units: string[]): Table {
  const org = indexOrg(config.profile.org);
  const tz = config.profile.timezone;
  const list = db
    .select({ data: shiftSummaries.data })
    .from(shiftSummaries)
    .where(and(inArray(shiftSummaries.unitCode, units), gte(shiftSummaries.toAt, o.from), lte(shiftSummaries.toAt, o.to)))
    .orderBy(asc(shiftSummaries.toAt), asc(shiftSummaries.unitCode))
    .all()
    .map((r) => r.data as unknown as ShiftSummary);
  return {
    name: '交接班汇总',
    headers: ['单位编码', '单位', '班次开始', '班次结束', '收到预警', '紧急', '高危', '中危', '低危', '接单', '按时接单', '超时接单', '办结', '劝阻成功', '已被骗', '损失金额(元)', '无法联系', '拒绝配合', '误报', '已报警', '劝阻涉及金额(元)', '超时提醒(次)', '接单用时中位(分)', '接单用时P90(分)', '办结用时中位(分)', '办结用时P90(分)', '移交下一班', '其中超时', '宣传场次', '覆盖人数', '装APP'],
    rows: list.map((s) => [
      s.unit,
      org.unit(s.unit)?.name ?? s.unit,
      localTime(Date.parse(s.from), tz),
      localTime(Date.parse(s.to), tz),
      s.received.total,
      s.received.urgent,
      s.received.high,
      s.received.medium,
      s.received.low,
      s.acknowledged,
      s.acknowledgedWithinSla,
      s.acknowledgedLate,
      s.resolved,
      s.resolvedByResult.dissuaded,
      s.resolvedByResult.defrauded,
      s.lossTotal,
      s.resolvedByResult.unreachable,
      s.resolvedByResult.refused,
      s.resolvedByResult.false_positive,
      s.resolvedByResult.reported,
      s.lossAverted,
      s.escalations,
      minutes(s.timeToAck?.p50),
      minutes(s.timeToAck?.p90),
      minutes(s.timeToResolve?.p50),
      minutes(s.timeToResolve?.p90),
      s.carriedOver.count,
      s.carriedOver.overdue ?? 0,
      s.outreach.events,
      s.outreach.people,
      s.outreach.installs,
    ]),
  };
}

function ledgerTable(db: Db, config: Config, o: ReportOptions, units: string[]): Table {
  const tz = config.profile.timezone;
  const org = indexOrg(config.profile.org);
  const rows = db
    .select({ c: cases, assignee: members.name })
    .from(cases)
    .leftJoin(members, eq(members.id, cases.assigneeId))
    .where(and(inArray(cases.unitCode, units), gte(cases.createdAt, o.from), lte(cases.createdAt, o.to)))
    .orderBy(asc(cases.createdAt))
    .all();
  const finals = new Map(
    db
      .select()
      .from(caseOutcomes)
      .where(inArray(caseOutcomes.caseId, rows.map((r) => r.c.id)))
      .all()
      .filter((x) => x.final && x.supersededAt === null)
      .map((x) => [x.caseId, x]),
  );
  const full = o.withPersonalData;
  return {
    name: '案件台账',
    headers: ['案件编号', '线索编号', '等级', '类型', '单位', '责任人', '状态', '对象姓名', '对象电话', '对象地址', '涉案金额(元)', '接收时间', '接单时间', '办结时间', '处置方式', '处置结果', '损失金额(元)', '联系次数', '超时提醒(次)'],
    rows: rows.map(({ c, assignee }) => {
      const f = finals.get(c.id);
      const anon = c.anonymisedAt !== null;
      return [
        c.id,
        c.externalId,
        LEVEL_ZH[c.level as Level],
        c.category ? CATEGORIES[c.category as Category] : null,
        org.unit(c.unitCode)?.name ?? c.unitCode,
        assignee ?? null,
        STATUS_ZH[c.status as Status] ?? c.status,
        anon ? null : full ? c.subjectName : maskName(c.subjectName ?? ''),
        anon ? null : full ? c.subjectPhone : maskPhone(c.subjectPhone ?? ''),
        anon ? null : full ? c.subjectAddress : maskAddress(c.subjectAddress ?? ''),
        c.amountAtRisk,
        localTime(c.createdAt, tz),
        localTime(c.acknowledgedAt, tz),
        localTime(c.resolvedAt, tz),
        f?.method ? METHOD_ZH[f.method as Method] : null,
        f ? RESULT_ZH[f.result as Result] : null,
        f?.lossAmount ?? null,
        c.attempts,
        c.escalationStep,
      ];
    }),
  };
}

function outreachTable(db: Db, config: Config, o: ReportOptions, units: string[]): Table {
  const tz = config.profile.timezone;
  const org = indexOrg(config.profile.org);
  const rows = db
    .select({ r: outreachLogs, name: members.name })
    .from(outreachLogs)
    .innerJoin(members, eq(members.id, outreachLogs.memberId))
    .where(and(inArray(outreachLogs.unitCode, units), gte(outreachLogs.createdAt, o.from), lte(outreachLogs.createdAt, o.to), isNull(outreachLogs.withdrawnAt)))
    .orderBy(asc(outreachLogs.createdAt))
    .all();
  return {
    name: '宣传台账',
    headers: ['日期', '登记时间', '登记人', '单位', '地点', '形式', '覆盖人数', '装APP', '发放资料(份)', '对象', '照片(张)', '备注', '原文'],
    rows: rows.map(({ r, name }) => [
      r.day,
      localTime(r.createdAt, tz),
      name,
      org.unit(r.unitCode)?.name ?? r.unitCode,
      r.place,
      r.form ? FORM_ZH[r.form as OutreachForm] : null,
      r.people,
      r.installs,
      r.leaflets,
      (r.targets ?? []).map((t) => TARGET_ZH[t as TargetGroup] ?? t).join('、') || null,
      r.photoCount,
      r.note,
      r.rawText,
    ]),
  };
}

const DUTY_STATUS_ZH: Record<string, string> = { pending: '待批', approved: '已生效', rejected: '未批准', withdrawn: '已替换' };
const DUTY_REQUEST_ZH: Record<string, string> = { leave: '请假', swap: '换班', import: '排班导入' };
const DUTY_KIND_ZH: Record<string, string> = { leave: '不值班', duty: '加班值班', slot: '值班' };

/** Every duty change of the period (issue 16): who asked, who decided, when (the audit trail). */
function dutyTable(db: Db, config: Config, o: ReportOptions, units: string[]): Table {
  const tz = config.profile.timezone;
  const org = indexOrg(config.profile.org);
  const inScope = new Set(units);
  const rows = changesBetween(db, o.from, o.to).filter((r) => (r.unitCode !== null && inScope.has(r.unitCode)) || inScope.has(org.member(r.member)?.unit ?? ''));
  return {
    name: '值班变更',
    headers: ['提交时间', '事项', '人员', '单位', '变更', '开始', '结束', '班次', '状态', '提交人', '决定人', '决定时间', '备注'],
    rows: rows.map((r) => [
      localTime(r.requestedAt, tz),
      DUTY_REQUEST_ZH[r.request] ?? r.request,
      r.member,
      r.unitCode ? (org.unit(r.unitCode)?.name ?? r.unitCode) : null,
      DUTY_KIND_ZH[r.kind] ?? r.kind,
      localTime(r.fromAt, tz),
      localTime(r.toAt, tz),
      r.label,
      DUTY_STATUS_ZH[r.status] ?? r.status,
      r.requestedBy,
      r.decidedBy,
      r.decidedAt === null ? null : localTime(r.decidedAt, tz),
      r.note,
    ]),
  };
}

/** Quotes a CSV cell (RFC 4180). */
function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(path: string, t: Table): void {
  // The BOM makes Excel and WPS read UTF-8 Chinese correctly.
  const body = [t.headers, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  writeFileSync(path, '\uFEFF' + body + '\r\n');
}

async function writeXlsx(path: string, tables: Table[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GridGuard 网格哨兵';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      // Chinese characters are about two columns wide.
      const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
      const longest = Math.max(...[t.headers[i] ?? '', ...t.rows.map((r) => String(r[i] ?? ''))].map(width));
      col.width = Math.min(40, Math.max(8, longest + 2));
    });
  }
  await wb.xlsx.writeFile(path);
}

/** Writes the report; returns the files written and the row counts. */
export async function writeReport(config: Config, o: ReportOptions): Promise<{ files: string[]; summaries: number; cases: number; outreach: number }> {
  const org = indexOrg(config.profile.org);
  const units = o.unit ? [...org.subtree(o.unit)] : config.profile.org.units.map((u) => u.code);
  const store = openStore(config.databasePath);
  try {
    const summaries = summaryTable(store.db, config, o, o.unit ? [o.unit] : units);
    const ledger = ledgerTable(store.db, config, o, units);
    const outreach = outreachTable(store.db, config, o, units);
    const duty = dutyTable(store.db, config, o, units);
    if (o.withPersonalData) {
      store.db.insert(auditLog).values({ at: Date.now(), actor: 'cli', type: 'report.personal_data', data: { cases: ledger.rows.length, unit: o.unit, out: o.out } }).run();
    }
    const ext = extname(o.out).toLowerCase();
    const root = o.unit ?? config.profile.org.units.find((u) => !u.parent)?.code ?? units[0]!;
    const charts = o.charts ? (await writeReportCharts(store.db, config, org, { from: o.from, to: o.to, root }, o.out.slice(0, -ext.length))).files : [];
    if (ext === '.xlsx') {
      await writeXlsx(o.out, [summaries, ledger, outreach, duty]);
      return { files: [o.out, ...charts], summaries: summaries.rows.length, cases: ledger.rows.length, outreach: outreach.rows.length };
    }
    const base = o.out.replace(/\.csv$/i, '');
    const files = [o.out, `${base}-台账.csv`, `${base}-宣传台账.csv`, `${base}-值班变更.csv`];
    writeCsv(files[0]!, summaries);
    writeCsv(files[1]!, ledger);
    writeCsv(files[2]!, outreach);
    writeCsv(files[3]!, duty);
    return { files: [...files, ...charts], summaries: summaries.rows.length, cases: ledger.rows.length, outreach: outreach.rows.length };
  } finally {
    store.close();
  }
}
