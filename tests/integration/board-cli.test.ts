/**
 * The operator's side of issue 19: `gridguard board-link UNIT` prints a signed link that the
 * running service opens (and refuses bad input with one line), and `gridguard report --charts`
 * writes the period's charts as PNG files beside the spreadsheet.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/cli/report.js';
import { tempDir } from '../support/env.js';
import { aLead, postLeads } from '../support/leads.js';
import { decodePng } from '../support/png.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const SECRET = 'board-cli-secret-0123456789';
let sb: SandboxFixture;
let out: ReturnType<typeof tempDir>;

beforeAll(async () => {
  sb = await bootSandbox('board-cli', { env: { BOARD_LINK_SECRET: SECRET } });
  out = tempDir();
  const { json } = await postLeads(sb.app.url(), aLead({ level: 'urgent', assignee: '李网格' }));
  const caseId = json.results[0].caseId as string;
  const seq = await sb.say('李网格', '幸福里第一网格工作群', `反馈 ${caseId} 上门 劝阻成功`);
  await sb.botMessage((m) => m.text.includes(`${caseId} 已办结`), seq);
  await postLeads(sb.app.url(), { leads: [aLead({ level: 'high', unit: 'G3' }), aLead({ level: 'low', unit: 'G2' })] });
  const logSeq = await sb.say('孙志愿', '幸福里反诈志愿者群', '宣传 幸福里社区 摆摊 80人 装APP 25 对象 老年人');
  await sb.botMessage((m) => m.text.includes('已登记'), logSeq);
  const before = (await sb.messages()).at(-1)!.seq;
  sb.app.core().shifts.closeNow();
  // The 交接班 picture is sent before the tests start: nothing is being drawn when the app stops.
  await sb.botMessage((m) => m.room === '三里屯派出所督导群' && m.text === '[图片]', before, 30_000);
}, 120_000);
afterAll(async () => {
  await sb?.cleanup();
  out?.cleanup();
});

/**
 * Runs the CLI in its own process without blocking this one: the app under test shares this
 * event loop, and a loop blocked for seconds (spawnSync) let its queue locks lapse, so the app
 * could not stop afterwards (the afterAll hook timed out in CI).
 */
const cli = (args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { PATH: process.env.PATH!, DATABASE_PATH: join(out.dir, 'cli.db'), ...env }, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('gridguard board-link', () => {
  it('prints a link the running service opens, valid for the days asked', async () => {
    const run = await cli(['board-link', 'C1', '--days', '3', '--base', sb.app.url()], { BOARD_LINK_SECRET: SECRET });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^幸福里社区（C1）案件看板，有效至 \d{4}-\d\d-\d\d \d\d:\d\d：\n/);
    const url = new URL(run.stdout.trim().split('\n').at(-1)!);
    expect(url.pathname).toBe('/board');
    const exp = Number(url.searchParams.get('exp'));
    expect(Math.abs(exp * 1000 - (Date.now() + 3 * 86_400_000))).toBeLessThan(60_000);
    // The page is read to its end: a response left unread keeps its connection busy, and the
    // server then waits for it when it stops (the afterAll hook timed out in CI).
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const snap = await fetch(`${sb.app.url()}/board/snapshot${url.search}`);
    expect(snap.status).toBe(200);
    expect(((await snap.json()) as any).unit.code).toBe('C1');
  }, 60_000);

  it('signs with INTAKE_TOKEN when BOARD_LINK_SECRET is not set, and says what is missing without either', async () => {
    expect((await cli(['board-link', 'PS1', '--wall'], { INTAKE_TOKEN: 'a-token' })).stdout).toMatch(/\/board\?unit=PS1&exp=\d+&sig=[\w-]{43}&wall=1\n$/);
    const none = await cli(['board-link', 'PS1']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('BOARD_LINK_SECRET');
  }, 90_000);

  it('refuses an unknown unit or a bad number of days with one line', async () => {
    const unknown = await cli(['board-link', 'G9'], { BOARD_LINK_SECRET: SECRET });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('gridguard: UNIT: unknown unit "G9" (units: D1, PS1, C1, C2, G1, G2, G3, G4)\n');
    const bad = await cli(['board-link', 'C1', '--days', '9999'], { BOARD_LINK_SECRET: SECRET });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--days: expected a number of days from 0.01 to 366');
    const help = await cli(['board-link', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--days <n>');
    expect(help.stdout).toContain('BOARD_LINK_SECRET');
  }, 120_000);
});

describe('gridguard report --charts', () => {
  it('writes the charts as PNG files beside the spreadsheet', async () => {
    const file = join(out.dir, 'report.xlsx');
    const r = await writeReport(sb.config, { from: sb.now() - 86_400_000, to: sb.now() + 60_000, unit: 'PS1', out: file, withPersonalData: false, charts: true });
    const pngs = r.files.filter((f) => f.endsWith('.png'));
    expect(r.files[0]).toBe(file);
    expect(pngs.map((f) => f.slice(out.dir.length + 1))).toEqual(['report-预警趋势.png', 'report-处置用时.png', 'report-按时率.png', 'report-宣传榜.png', 'report-交接班.png']);
    for (const f of pngs) {
      const img = decodePng(readFileSync(f));
      expect(img.width).toBeGreaterThanOrEqual(960);
    }
    expect((await cli(['report', '--help'])).stdout).toContain('--charts');
  }, 90_000);

  it('writes none without --charts', async () => {
    const r = await writeReport(sb.config, { from: sb.now() - 86_400_000, to: sb.now() + 60_000, unit: 'C1', out: join(out.dir, 'plain.csv'), withPersonalData: false });
    expect(r.files.some((f) => f.endsWith('.png'))).toBe(false);
  });
});
