/**
 * The sandbox page's 故障演练 panel in a real browser: an operator logs the bot out and back
 * in and makes sends fail, and the page shows the state the service reports.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { SandboxFaults } from '../../src/chat/sandbox.js';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let sb: SandboxFixture;
let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install chromium (.ci/run does this)');
  sb = await bootSandbox('page-faults');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await sb?.cleanup();
});

const faults = async (): Promise<SandboxFaults> => (await fetch(`${sb.app.url()}/sandbox/faults`)).json() as Promise<SandboxFaults>;

describe('the 故障演练 panel of the sandbox page', () => {
  it('logs the bot out and in and makes sends fail, showing the state', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sb.app.url()}/sandbox`);
    await page.locator('#faults summary').click();
    const state = page.locator('#fault-state');
    await expect.poll(() => state.textContent()).toBe('正常');

    await page.locator('#bot-logout').click();
    await expect.poll(() => state.textContent()).toBe('机器人已下线');
    expect((await faults()).loggedIn).toBe(false);
    await page.locator('#bot-login').click();
    await expect.poll(() => state.textContent()).toBe('正常');
    expect((await faults()).loggedIn).toBe(true);

    await page.locator('#fail-n').fill('2');
    await page.locator('#fail-next').click();
    await expect.poll(() => state.textContent()).toBe('还有2条发送失败');
    expect((await faults()).failSends).toBe(2);
    await page.locator('#fail-all').click();
    await expect.poll(() => state.textContent()).toBe('发送全部失败');
    await page.locator('#fail-clear').click();
    await expect.poll(() => state.textContent()).toBe('正常');
    expect(await faults()).toMatchObject({ loggedIn: true, failSends: 0, sendDelayMs: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
