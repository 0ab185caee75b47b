/**
 * The sandbox page in a real browser (Debian's chromium driven by playwright-core): a new
 * worker picks themselves, asks for help in their task room and privately, and quotes the bot.
 * With UPDATE_SCREENSHOTS=1 it also refreshes the screenshots in docs/.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { aLead, postLeads } from '../support/leads.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

let sb: SandboxFixture;
let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium (.ci/run does this)');
  sb = await bootSandbox('page');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await sb?.cleanup();
});

async function openAs(member: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${sb.app.url()}/sandbox`);
  await page.locator('#member').selectOption(member);
  expect(errors).toEqual([]);
  return page;
}

async function send(page: Page, text: string): Promise<void> {
  await page.locator('#input').fill(text);
  await page.locator('#send').click();
}

describe('the sandbox page', () => {
  it('lets a worker ask 帮助 in their task room and shows the bot’s reply', async () => {
    const page = await openAs('李网格', { width: 1280, height: 800 });
    await page.locator('.conv[data-room="幸福里第一网格工作群"]').click();
    await send(page, '帮助');
    const reply = page.locator('.msg.bot .text').filter({ hasText: '网格员常用指令' }).last();
    await reply.waitFor({ timeout: 5000 });
    expect(await reply.textContent()).toContain('收到 K7Q2');
    await expect.poll(() => page.locator('.msg.mine .text').filter({ hasText: '帮助' }).count()).toBeGreaterThan(0);
    // Another member's view of the same room shows the conversation too, without the reload.
    const other = await openAs('王社区', { width: 1280, height: 800 });
    await other.locator('.conv[data-room="幸福里第一网格工作群"]').click();
    await other.locator('.msg.bot .text').filter({ hasText: '网格员常用指令' }).first().waitFor({ timeout: 5000 });
    await other.close();
    await page.close();
  });

  it('quotes a bot message on click and sends the quote', async () => {
    const page = await openAs('周网格', { width: 1280, height: 800 });
    await page.locator('.conv[data-room="幸福里第一网格工作群"]').click();
    await send(page, '帮助');
    const help = page.locator('.msg.bot').filter({ hasText: '@周网格' }).last();
    await help.waitFor({ timeout: 5000 });
    await help.locator('.text').click();
    await expect.poll(() => page.locator('#quote-bar').isVisible()).toBe(true);
    await send(page, '好的');
    const quoted = page.locator('.msg.mine').filter({ has: page.locator('.quote') }).last();
    await quoted.waitFor({ timeout: 5000 });
    expect(await quoted.locator('.quote').textContent()).toContain('网格哨兵');
    await page.close();
  });

  it('starts the 收到 quick phrase as a quote of the latest case message, even after others spoke', async () => {
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'urgent', assignee: '周网格' }));
    const caseId = json.results[0].caseId as string;
    await sb.botMessage((m) => m.room === '幸福里第一网格工作群' && m.text.includes(caseId));
    await sb.say('王社区', '幸福里第一网格工作群', '大家注意今天降温');
    const page = await openAs('周网格', { width: 1280, height: 800 });
    await page.locator('.conv[data-room="幸福里第一网格工作群"]').click();
    await page.locator('.msg.bot').filter({ hasText: `【紧急预警】${caseId}` }).last().waitFor({ timeout: 5000 });
    await page.locator('.chip', { hasText: '收到' }).click();
    await expect.poll(() => page.locator('#quote-text').textContent()).toContain(caseId);
    await page.locator('#send').click();
    await page.locator('.msg.bot .text').filter({ hasText: `已接单 ${caseId}` }).waitFor({ timeout: 5000 });
    await page.close();
  });

  it('works on a phone: private chat with the bot, full-screen conversation', async () => {
    const page = await openAs('孙志愿', { width: 390, height: 844 });
    await page.locator('.conv[data-private="bot"]').click();
    await send(page, '帮助');
    const reply = page.locator('.msg.bot .text').filter({ hasText: '志愿者常用指令' }).last();
    await reply.waitFor({ timeout: 5000 });
    expect(await reply.isVisible()).toBe(true);
    await page.close();
  });

  it('shows a dispatched case, and the worker acknowledges it by quoting', async () => {
    const { json } = await postLeads(sb.app.url(), aLead({ level: 'urgent', assignee: '李网格', subject: { name: '张建国', phone: '13912345678' } }));
    const caseId = json.results[0].caseId as string;
    const page = await openAs('李网格', { width: 1280, height: 800 });
    await page.locator('.conv[data-room="幸福里第一网格工作群"]').click();
    const dispatch = page.locator('.msg.bot').filter({ hasText: `【紧急预警】${caseId}` }).last();
    await dispatch.waitFor({ timeout: 5000 });
    expect(await dispatch.locator('.text').textContent()).toContain('139****5678');
    await dispatch.locator('.text').click();
    await send(page, '收到，马上去');
    await page.locator('.msg.bot .text').filter({ hasText: `已接单 ${caseId}` }).waitFor({ timeout: 5000 });
    if (SCREENSHOTS) await page.screenshot({ path: 'docs/sandbox-desktop.png' });
    await page.close();

    const phone = await openAs('李网格', { width: 390, height: 844 });
    await phone.locator('.conv[data-private="bot"]').click();
    const full = phone.locator('.msg.bot .text').filter({ hasText: `${caseId} 完整信息` });
    await full.waitFor({ timeout: 5000 });
    expect(await full.textContent()).toContain('13912345678');
    if (SCREENSHOTS) {
      await phone.locator('#back').click();
      await phone.locator('.conv[data-room="幸福里第一网格工作群"]').click();
      await phone.locator('.msg.bot').filter({ hasText: `已接单 ${caseId}` }).waitFor({ timeout: 5000 });
      await phone.screenshot({ path: 'docs/sandbox-phone.png' });
    }
    await phone.close();
  });
});
