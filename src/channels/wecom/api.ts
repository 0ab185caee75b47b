/**
 * WeCom's server API as the gateway uses it: the access token (gettoken, cached, refreshed five
 * minutes before it expires and at once on errcode 40014 / 42001), application messages to
 * members by user id (message/send), and group-robot webhooks (webhook/send). Tokens and keys
 * travel in query strings, so no URL ever reaches an error message or a log line.
 */
import { callError, Unsendable } from '../gateway-kit.js';

const TIMEOUT_MS = 10_000;
/** Refresh this long before WeCom says the token expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** invalid access_token, access_token expired. */
const TOKEN_ERRORS = new Set([40014, 42001]);
/** WeCom's answer past a robot's or an API's frequency limit. */
const THROTTLED = new Set([45009, 45033, 45047]);

export interface WecomApiOptions {
  apiBase: string;
  corpId: string;
  corpSecret: string;
  agentId: number;
  now?: () => number;
}

interface Answer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  invaliduser?: string;
}

async function call(url: string, what: string, init?: RequestInit): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw callError(what, err);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`${what}: HTTP ${res.status}`);
  }
  try {
    return (await res.json()) as Answer;
  } catch {
    throw new Error(`${what}: answer is not JSON`);
  }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A refusal as an error the outbound worker understands. */
function refusal(what: string, a: Answer): Error {
  const code = a.errcode ?? -1;
  const msg = String(a.errmsg ?? '').slice(0, 60).replace(/https?:\S+/g, '');
  // Throttled: the worker retries with its capped backoff; the account budget keeps us under it.
  if (THROTTLED.has(code)) return new Error(`${what}: rate limited (errcode ${code})`);
  return new Error(`${what}: errcode ${code} ${msg}`.trim());
}

export function createWecomApi(o: WecomApiOptions) {
  const now = o.now ?? Date.now;
  let token: { value: string; refreshAt: number } | null = null;
  let fetching: Promise<string> | null = null;
  let ok = false;

  async function fetchToken(): Promise<string> {
    const a = await call(`${o.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(o.corpId)}&corpsecret=${encodeURIComponent(o.corpSecret)}`, 'wecom gettoken');
    if (a.errcode || !a.access_token) {
      ok = false;
      throw refusal('wecom gettoken', a);
    }
    const ttl = (a.expires_in ?? 7200) * 1000;
    token = { value: a.access_token, refreshAt: now() + Math.max(ttl - REFRESH_MARGIN_MS, ttl / 2) };
    ok = true;
    return token.value;
  }

  /** The cached token, or a new one (one request however many sends ask at once). */
  async function accessToken(): Promise<string> {
    if (token && now() < token.refreshAt) return token.value;
    fetching ??= fetchToken().finally(() => {
      fetching = null;
    });
    return fetching;
  }

  /** Calls an API that takes the token; once more with a new token if WeCom says it is bad. */
  async function withToken(path: string, body: unknown, what: string): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const t = await accessToken();
      const a = await call(`${o.apiBase}${path}?access_token=${encodeURIComponent(t)}`, what, json(body));
      if (a.errcode && TOKEN_ERRORS.has(a.errcode) && attempt === 0) {
        if (token?.value === t) token = null;
        continue;
      }
      return a;
    }
  }

  return {
    accessToken,
    /** The last token request worked. */
    ok: () => ok,
    /** An application message (应用消息) to one member by WeCom user id. */
    async sendToUser(userId: string, text: string): Promise<void> {
      const a = await withToken('/cgi-bin/message/send', { touser: userId, msgtype: 'text', agentid: o.agentId, text: { content: text }, safe: 0 }, 'wecom message/send');
      if (a.errcode) throw refusal('wecom message/send', a);
      // WeCom answers 0 and lists the ids it could not reach: that member never gets it.
      if (a.invaliduser) throw new Unsendable('wecom message/send: the user id is not in the application’s visible range');
    },
    /** A text through a group robot (群机器人) webhook; `mention` are WeCom user ids to @. */
    async sendToRobot(key: string, text: string, mention: string[]): Promise<void> {
      const a = await call(`${o.apiBase}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`, 'wecom webhook/send', json({ msgtype: 'text', text: { content: text, ...(mention.length ? { mentioned_list: mention } : {}) } }));
      if (a.errcode) throw refusal('wecom webhook/send', a);
    },
  };
}

export type WecomApi = ReturnType<typeof createWecomApi>;
