/**
 * DingTalk's robot send APIs as the gateway uses them:
 * - the access token (`POST /v1.0/oauth2/accessToken` with the app key and secret), cached and
 *   refreshed five minutes before it expires and at once when DingTalk says it is invalid;
 * - pushes into a group (`/v1.0/robot/groupMessages/send`, by openConversationId) and to one
 *   member (`/v1.0/robot/oToMessages/batchSend`, by user id), message key `sampleText`;
 * - replies through the session webhook a message came with (valid about 90 minutes), which
 *   can @ the members named;
 * - a custom robot webhook with its 加签 secret (src/ops/alert-channels.ts signs it).
 * Tokens, webhook tokens and session ids never reach an error message or a log line.
 */
import { dingtalkSignedUrl } from '../../ops/alert-channels.js';
import { callError } from '../gateway-kit.js';

const TIMEOUT_MS = 10_000;
const REFRESH_MARGIN_MS = 5 * 60_000;
/** A custom robot past 20 a minute answers 130101 (发送速度太快而限流). */
const ROBOT_THROTTLED = new Set([130101, 130102]);

export interface DingtalkApiOptions {
  apiBase: string;
  appKey: string;
  appSecret: string;
  robotCode: string;
  now?: () => number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(url: string, what: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw callError(what, err);
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {} };
}

/** A refusal of the open API (`{ code, message }` with an HTTP error) or of a robot webhook (`errcode`). */
function refusal(what: string, a: Answer): Error | null {
  const errcode = typeof a.body.errcode === 'number' ? a.body.errcode : 0;
  const code = typeof a.body.code === 'string' ? a.body.code : '';
  if (a.status === 429 || /throttl|qpslimit|flowcontrol/i.test(code) || ROBOT_THROTTLED.has(errcode)) return new Error(`${what}: rate limited`);
  if (a.status >= 200 && a.status < 300 && errcode === 0) return null;
  return new Error(`${what}: ${a.status >= 300 ? `HTTP ${a.status}` : ''}${code ? ` ${code.slice(0, 60)}` : ''}${errcode ? ` errcode ${errcode}` : ''}`.trim());
}

const sampleText = (text: string) => ({ msgKey: 'sampleText', msgParam: JSON.stringify({ content: text }) });

export function createDingtalkApi(o: DingtalkApiOptions) {
  const now = o.now ?? Date.now;
  let token: { value: string; refreshAt: number } | null = null;
  let fetching: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const a = await call(`${o.apiBase}/v1.0/oauth2/accessToken`, 'dingtalk accessToken', { appKey: o.appKey, appSecret: o.appSecret });
    const value = a.body.accessToken;
    if (a.status !== 200 || typeof value !== 'string' || !value) throw refusal('dingtalk accessToken', a) ?? new Error('dingtalk accessToken: no token in the answer');
    const ttl = (typeof a.body.expireIn === 'number' ? a.body.expireIn : 7200) * 1000;
    token = { value, refreshAt: now() + Math.max(ttl - REFRESH_MARGIN_MS, ttl / 2) };
    return value;
  }

  async function accessToken(): Promise<string> {
    if (token && now() < token.refreshAt) return token.value;
    fetching ??= fetchToken().finally(() => {
      fetching = null;
    });
    return fetching;
  }

  async function withToken(path: string, body: unknown, what: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const t = await accessToken();
      const a = await call(`${o.apiBase}${path}`, what, body, { 'x-acs-dingtalk-access-token': t });
      if ((a.status === 401 || /InvalidAuthentication|token/i.test(String(a.body.code ?? ''))) && attempt === 0) {
        if (token?.value === t) token = null;
        continue;
      }
      const err = refusal(what, a);
      if (err) throw err;
      return;
    }
  }

  return {
    accessToken,
    /** A push into a group the robot is in. */
    toGroup: (openConversationId: string, text: string) => withToken('/v1.0/robot/groupMessages/send', { robotCode: o.robotCode, openConversationId, ...sampleText(text) }, 'dingtalk groupMessages/send'),
    /** A private push to one member by user id. */
    toUser: (userId: string, text: string) => withToken('/v1.0/robot/oToMessages/batchSend', { robotCode: o.robotCode, userIds: [userId], ...sampleText(text) }, 'dingtalk oToMessages/batchSend'),
    /** A reply through a message's session webhook; `at` are user ids to @. */
    async toSession(webhook: string, text: string, at: string[]): Promise<void> {
      const a = await call(webhook, 'dingtalk session webhook', { msgtype: 'text', text: { content: text }, ...(at.length ? { at: { atUserIds: at } } : {}) });
      const err = refusal('dingtalk session webhook', a);
      if (err) throw err;
    },
    /** A custom robot webhook, signed with its secret when it has one. */
    async toCustomRobot(url: string, secret: string | null, text: string, at: string[]): Promise<void> {
      // DingTalk checks the signed timestamp against its own clock: the real time, never a test clock.
      const signed = secret ? dingtalkSignedUrl(url, secret, Date.now()) : url;
      const a = await call(signed, 'dingtalk robot webhook', { msgtype: 'text', text: { content: text }, ...(at.length ? { at: { atUserIds: at } } : {}) });
      const err = refusal('dingtalk robot webhook', a);
      if (err) throw err;
    },
  };
}

export type DingtalkApi = ReturnType<typeof createDingtalkApi>;
