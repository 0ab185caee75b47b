/** `gridguard report`: summaries and the case ledger to .xlsx and .csv, Chinese headers, masked by default. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/cli/report.js';
import { closeShift } from '../../src/core/close-shift.js';
import { indexOrg } from '../../src/domain/org.js';
import { boundariesBetween } from '../../src/domain/shifts.js';
import { tempDir } from '../support/env.js';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

let sb: SandboxFixture;
let out: ReturnType<typeof tempDir>;
let caseId: string;

beforeAll(async () => {
  sb = await bootSandbox('report');
  out = tempDir();
  const { json } = await postLeads(sb.app.url(), aLead({ level: 'urgent', assignee: '李网格', subject: { name: '张建国', phone: '13912345678' } }));
  caseId = json.results[0].caseId;
  const seq = await sb.say('李网格', '幸福里第一网格工作群', `反馈 ${caseId} 上门 劝阻成功`);
  await sb.botMessage((m) => m.text.includes(`${caseId} 已办结`), seq);
  const logSeq = await sb.say('孙志愿', '幸福里反诈志愿者群', '宣传 幸福里社区 摆摊 80人 装APP 25 对象 老年人');
  await sb.botMessage((m) => m.text.includes('已登记'), logSeq);
  // A duty change of the period: leave asked in chat and approved (the 值班变更 sheet).
  const leaveSeq = await sb.say('李网格', '幸福里第一网格工作群', '请假 明天');
  await sb.botMessage((m) => m.text.includes('已提交'), leaveSeq);
  const approveSeq = await sb.say('王社区', '幸福里第一网格工作群', '批准');
  await sb.botMessage((m) => m.text.includes('已批准'), approveSeq);
  const boundary = boundariesBetween('0 8,20 * * *', sb.now(), sb.now() + 86_400_000, 'Asia/Shanghai')[0]!;
  closeShift({ ...sb.app.core().ctx, org: indexOrg(sb.config.profile.org), boundaries: '0 8,20 * * *', timezone: 'Asia/Shanghai', now: () => boundary, afterCommit: () => {} }, boundary);
});
afterAll(async () => {
  await sb?.cleanup();
  out?.cleanup();
});

const window = () => ({ from: sb.now() - 86_400_000, to: sb.now() + 86_400_000 });

describe('the report', () => {
  it('writes both sheets of an .xlsx with Chinese headers and masked subjects', async () => {
    const file = join(out.dir, 'report.xlsx');
    const r = await writeReport(sb.config, { ...window(), unit: 'C1', out: file, withPersonalData: false });
    expect(r).toMatchObject({ summaries: 1, cases: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['交接班汇总', '案件台账', '宣传台账', '值班变更']);
    const duty = wb.getWorksheet('值班变更')!;
    expect(duty.getRow(2).values).toEqual(expect.arrayContaining(['请假', '李网格', '不值班', '已生效', '李网格', '王社区']));
    const outreach = wb.getWorksheet('宣传台账')!;
    const oh = (outreach.getRow(1).values as string[]).slice(1);
    const ov = (outreach.getRow(2).values as (string | number)[]).slice(1);
    expect([ov[oh.indexOf('登记人')], ov[oh.indexOf('覆盖人数')], ov[oh.indexOf('装APP')], ov[oh.indexOf('对象')]]).toEqual(['孙志愿', 80, 25, '老年人']);
    const summary = wb.getWorksheet('交接班汇总')!;
    expect(summary.getRow(1).getCell(1).text).toBe('单位编码');
    expect(summary.getRow(2).getCell(2).text).toBe('幸福里社区');
    const ledger = wb.getWorksheet('案件台账')!;
    const headers = (ledger.getRow(1).values as string[]).slice(1);
    const values = (ledger.getRow(2).values as string[]).slice(1);
    const cell = (h: string) => values[headers.indexOf(h)];
    expect(cell('案件编号')).toBe(caseId);
    expect(cell('处置结果')).toBe('劝阻成功');
    expect(cell('对象姓名')).toBe('张**');
    expect(cell('对象电话')).toBe('139****5678');
  });

  it('writes two UTF-8 CSV files with a BOM, and full subjects only when asked (audited)', async () => {
    const file = join(out.dir, 'report.csv');
    const r = await writeReport(sb.config, { ...window(), unit: null, out: file, withPersonalData: true });
    expect(r.files).toEqual([file, join(out.dir, 'report-台账.csv'), join(out.dir, 'report-宣传台账.csv'), join(out.dir, 'report-值班变更.csv')]);
    expect(readFileSync(r.files[3]!, 'utf8')).toContain('请假,李网格');
    const ledger = readFileSync(r.files[1]!, 'utf8');
    expect(ledger.startsWith('\uFEFF案件编号,线索编号,等级')).toBe(true);
    expect(ledger).toContain('张建国');
    const audit = sb.app.store().sqlite.prepare("select count(*) as n from audit_log where type = 'report.personal_data'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('names a bad option from the command line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'report', '--out', 'x.pdf', '--unit', 'G9'], {
      env: { PATH: process.env.PATH!, DATABASE_PATH: join(out.dir, 'other.db') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--unit: unknown unit "G9"');
    expect(run.stderr).toContain('--out: expected a file name ending in .xlsx or .csv');
  });
});
