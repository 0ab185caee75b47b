/**
 * Reports as pictures in chat (issue 19), through the whole service: the 交接班 report and the
 * weekly ranking reach the supervision room as the text and then a PNG the sandbox shows; a
 * picture that cannot be sent never blocks or repeats its text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postRanking } from '../../src/core/outreach-schedule.js';
import { aLead, postLeads } from '../support/leads.js';
import { decodePng } from '../support/png.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const SUPERVISION = '三里屯派出所督导群';
let sb: SandboxFixture;

beforeAll(async () => {
  sb = await bootSandbox('pictures');
});
afterAll(async () => {
  await sb?.cleanup();
});

async function pictureAt(url: string): Promise<Buffer> {
  const res = await fetch(`${sb.app.url()}${url}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  return Buffer.from(await res.arrayBuffer());
}

describe('the 交接班 report', () => {
  it('is posted as text and then as a picture the sandbox shows in the supervision room', async () => {
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'urgent', assignee: '李网格' }));
    const caseId = json.results[0].caseId as string;
    await sb.botMessage((m) => m.room === '幸福里第一网格工作群' && m.text.includes(caseId));
    const before = (await sb.messages()).at(-1)!.seq;
    sb.app.core().shifts.closeNow();
    const text = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('【交接班】三里屯派出所'), before);
    expect(text.text).toContain(caseId);
    const picture = await sb.botMessage((m) => m.room === SUPERVISION && m.text === '[图片]', text.seq, 15_000);
    const listed = (await sb.messages(before)).find((m) => m.seq === picture.seq)!;
    expect(listed.image).toBe(`/sandbox/images/${picture.seq}.png`);
    const img = decodePng(await pictureAt(listed.image!));
    expect(img.width).toBe(960);
    expect(img.height).toBeGreaterThan(600);
    // The text entries keep their shape: no image field on them.
    expect((await sb.messages(before)).find((m) => m.seq === text.seq)).not.toHaveProperty('image');
  });

  it('is still posted, once, when the picture cannot be sent', async () => {
    const puppet = sb.app.sandbox()!.puppet;
    const send = puppet.messageSendFile;
    puppet.messageSendFile = async () => {
      throw new Error('picture upload refused');
    };
    try {
      const before = (await sb.messages()).at(-1)!.seq;
      sb.app.core().shifts.closeNow();
      const text = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('【交接班】'), before);
      await expect.poll(() => sb.logs.lines.some((l) => l.includes('report picture not sent')), { timeout: 15_000 }).toBe(true);
      const after = (await sb.messages(before)).filter((m) => m.room === SUPERVISION);
      expect(after.filter((m) => m.text === text.text)).toHaveLength(1);
      expect(after.some((m) => m.text === '[图片]')).toBe(false);
    } finally {
      puppet.messageSendFile = send;
    }
  });
});

describe('the weekly ranking', () => {
  it('is posted as text and then as a picture', async () => {
    const before = (await sb.messages()).at(-1)!.seq;
    postRanking(sb.app.core().ctx, sb.now());
    const text = await sb.botMessage((m) => m.room === SUPERVISION && m.text.startsWith('【反诈宣传周榜】'), before);
    const picture = await sb.botMessage((m) => m.room === SUPERVISION && m.text === '[图片]', text.seq, 15_000);
    const listed = (await sb.messages(before)).find((m) => m.seq === picture.seq)!;
    expect(decodePng(await pictureAt(listed.image!)).width).toBe(960);
  });
});
