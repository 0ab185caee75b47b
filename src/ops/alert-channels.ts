/**
 * Alert channels of the watchdog: a WeCom group robot, a DingTalk custom robot
 * (optionally signed), and a generic JSON webhook. None of them goes through the bot's WeChat
 * account, so they still speak when that account is logged out or banned.
 *
 * Each channel sends one message at a time, at most `rateLimit.messages` per `rateLimit.per`
 * (both robots take about 20 a minute and answer an error past it); messages over the limit
 * wait their turn, and when too many wait the oldest are folded into a count. Webhook URLs carry
 * keys, so they never reach a log line: channels are named by kind and position.
 */
import { createHmac } from 'node:crypto';
import type { AlertsConfig } from '../config.js';
import type { Log } from '../log.js';

export type ChannelConfig = AlertsConfig['channels'][number];

/** What the watchdog says: `text` for the robots (Chinese, read by people), the rest for machines. */
export interface AlertMessage {
  status: 'firing' | 'resolved' | 'info';
  rule: string;
  text: string;
  bot: string;
  since: number | null;
  at: number;
}

export interface AlertChannel {
  readonly name: string;
  /** Queues a message; it leaves as soon as the rate limit allows. */
  send(message: AlertMessage): void;
  /** Resolves when nothing waits or is in flight (tests and shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

const SEND_TIMEOUT_MS = 10_000;
const ATTEMPTS = 3;

/**
 * The signed URL of a DingTalk robot: `&timestamp=<ms>&sign=<url-encoded base64 of
 * HMAC-SHA256(secret, "<timestamp>\n<secret>")>`, as DingTalk documents for its "加签" option.
 * @example dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=x', 'SEC…', 1700000000000)
 */
export function dingtalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** The request a channel makes for a message. */
export function alertRequest(channel: ChannelConfig, m: AlertMessage, now: number): { url: string; headers: Record<string, string>; body: string } {
  const json = { 'content-type': 'application/json' };
  if (channel.kind === 'wecom') return { url: channel.url, headers: json, body: JSON.stringify({ msgtype: 'text', text: { content: m.text } }) };
  if (channel.kind === 'dingtalk') {
    const url = channel.secret ? dingtalkSignedUrl(channel.url, channel.secret, now) : channel.url;
    return { url, headers: json, body: JSON.stringify({ msgtype: 'text', text: { content: m.text } }) };
  }
  const body = { service: 'gridguard', bot: m.bot, status: m.status, rule: m.rule, summary: m.text, since: m.since === null ? null : new Date(m.since).toISOString(), at: new Date(m.at).toISOString() };
  return { url: channel.url, headers: { ...json, ...channel.headers }, body: JSON.stringify(body) };
}

/** Robots answer HTTP 200 with `errcode` ≠ 0 when they refuse (rate limit, bad sign, bad key). */
async function refusal(channel: ChannelConfig, res: Response): Promise<string | null> {
  const text = await res.text().catch(() => '');
  if (!res.ok) return `HTTP ${res.status}`;
  if (channel.kind === 'webhook') return null;
  try {
    const body = JSON.parse(text) as { errcode?: number; errmsg?: string };
    return body.errcode && body.errcode !== 0 ? `errcode ${body.errcode}: ${String(body.errmsg ?? '').slice(0, 80)}` : null;
  } catch {
    return 'answer is not JSON';
  }
}

export function createAlertChannel(channel: ChannelConfig, index: number, rate: AlertsConfig['rateLimit'], log: Log, now: () => number = Date.now): AlertChannel {
  const name = `${channel.kind}#${index}`;
  const clog = log.child({ channel: name });
  const queue: AlertMessage[] = [];
  const maxWaiting = Math.max(50, rate.messages * 3);
  const sentAt: number[] = [];
  let folded = 0;
  let pumping: Promise<void> | null = null;
  let wake: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  let stopped = false;
  let failing = false;

  async function deliver(m: AlertMessage): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS && !stopped; attempt++) {
      const req = alertRequest(channel, m, now());
      let why: string | null;
      try {
        const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
        why = await refusal(channel, res);
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        why = e.cause?.code ?? e.name;
      }
      if (why === null) {
        if (failing) clog.info('alert channel works again');
        failing = false;
        return;
      }
      if (!failing) clog.warn({ why, rule: m.rule }, 'alert channel refused a message; retrying');
      failing = true;
      if (attempt < ATTEMPTS) await new Promise((r) => setTimeout(r, 1000 * attempt).unref());
    }
    clog.error({ rule: m.rule, status: m.status }, 'alert not delivered');
  }

  async function pump(): Promise<void> {
    while (queue.length && !stopped) {
      const t = now();
      while (sentAt.length && sentAt[0]! <= t - rate.per) sentAt.shift();
      if (sentAt.length >= rate.messages) {
        // The window is full: wait until its oldest send leaves it.
        const waitMs = sentAt[0]! + rate.per - t + 1;
        await new Promise<void>((resolve) => {
          wake = { timer: setTimeout(resolve, waitMs), resolve };
        });
        wake = null;
        continue;
      }
      const m = queue.shift()!;
      if (folded) {
        m.text += `\n（另有 ${folded} 条告警因发送频率限制未单独发出）`;
        folded = 0;
      }
      // Counted from when the robot answered: the robot's window starts when it took the message.
      await deliver(m);
      sentAt.push(now());
    }
  }

  return {
    name,
    send(m) {
      if (stopped) return;
      queue.push({ ...m });
      while (queue.length > maxWaiting) {
        queue.shift();
        folded += 1;
      }
      pumping ??= pump().finally(() => {
        pumping = null;
      });
    },
    async idle() {
      while (pumping) await pumping;
    },
    stop() {
      stopped = true;
      if (wake) {
        clearTimeout(wake.timer);
        wake.resolve();
      }
    },
  };
}
