/**
 * What bot accounts share over Redis (issue 17): their health, their send budgets, the claim
 * that makes a message leave once whichever account sends it, and the delivery reports
 * gateways send back to core (core alone writes SQLite).
 *
 * Keys (all under the queue prefix, `<prefix>:gg:…`; a room topic or a member name never
 * becomes a key as such, only its hash):
 * - `account:<id>` hash: `beat` (a counter the gateway increments every second), `loggedIn`,
 *   `failing` (0/1), `pid`, `host`. Core reads it with its own clock, so clocks of other
 *   machines do not matter.
 * - `command:<id>`: `logout` / `login`, taken by that account's gateway (sandbox fault drill).
 * - `budget:acct:<id>` sorted set of this minute's sends; `budget:chat:<hash>` the last send
 *   into a chat. Both read and taken in one Lua script with Redis's clock: every process that
 *   sends shares them.
 * - `sent:<jobId>`: `sending:<bot>:<token>` while a send is under way (expires), `sent:<bot>`
 *   once it reached WeChat (kept 3 days): an original job and its failover copy never both send.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What a gateway reports about one message. */
export interface DeliveryReport {
  /** The outbox job id (the original's, also for a failover copy). */
  jobId: string;
  outcome: 'sent' | 'failed';
  bot: string;
  at: number;
  reason?: string;
  /** Sent by a room's backup account instead of its own. */
  failover?: boolean;
  /** Folded into a digest whose first message is this job. */
  digestOf?: string;
  /** What was said, for the sandbox transcript of a gateway in another process (sandbox only). */
  transcript?: { room: string | null; to: string | null; text: string; messageId: string };
}

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 16);

export function accountKeys(prefix: string) {
  const k = (s: string) => `${prefix}:gg:${s}`;
  return {
    health: (id: string) => k(`account:${id}`),
    command: (id: string) => k(`command:${id}`),
    accountBudget: (id: string) => k(`budget:acct:${id}`),
    chatBudget: (chat: string) => k(`budget:chat:${hash(chat)}`),
    /** Set while an urgent or high message of the account waits for its chat: routine sends hold back. */
    urgentHold: (id: string) => k(`budget:hold:${id}`),
    claim: (jobId: string) => k(`sent:${jobId}`),
  };
}

/** A gateway's health as it writes it. */
export interface AccountBeat {
  beat: number;
  loggedIn: boolean;
  failing: boolean;
}

export async function writeBeat(redis: Redis, prefix: string, id: string, s: { loggedIn: boolean; failing: boolean; pid: number; host: string }): Promise<void> {
  const key = accountKeys(prefix).health(id);
  await redis.multi().hincrby(key, 'beat', 1).hset(key, { loggedIn: s.loggedIn ? 1 : 0, failing: s.failing ? 1 : 0, pid: s.pid, host: s.host }).pexpire(key, 86_400_000).exec();
}

export async function readBeat(redis: Redis, prefix: string, id: string): Promise<AccountBeat | null> {
  const h = await redis.hgetall(accountKeys(prefix).health(id));
  if (!h.beat) return null;
  return { beat: Number(h.beat), loggedIn: h.loggedIn === '1', failing: h.failing === '1' };
}

/** Takes a pending command for an account (`logout` / `login`), or null. */
export async function takeCommand(redis: Redis, prefix: string, id: string): Promise<string | null> {
  return redis.getdel(accountKeys(prefix).command(id));
}

export async function giveCommand(redis: Redis, prefix: string, id: string, command: 'logout' | 'login'): Promise<void> {
  await redis.set(accountKeys(prefix).command(id), command, 'PX', 60_000);
}

/**
 * Takes one send from the account's and the chat's budgets, or says how long to wait for each.
 * Returns [accountWaitMs, chatWaitMs, holdWaitMs]; all 0 means the send is taken. The minute is counted
 * as 60.5 s: what Redis took, WeChat sees a few milliseconds later. Urgent first also across
 * chats: while an urgent or high message waits for its chat (ARGV[4] = 1), routine sends of the
 * account (ARGV[4] = 0) wait too, so they cannot spend the minute's budget before it.
 */
const BUDGET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local perMin = tonumber(ARGV[1])
local chatEvery = tonumber(ARGV[2])
local urgent = ARGV[4] == '1'
local acctWait, chatWait, holdWait = 0, 0, 0
if perMin > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60500)
  if redis.call('ZCARD', KEYS[1]) >= perMin then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    acctWait = math.max(1, tonumber(oldest[2]) + 60500 - now)
  end
  if not urgent then
    local hold = redis.call('PTTL', KEYS[3])
    if hold > 0 then holdWait = hold end
  end
end
if chatEvery > 0 then
  local last = redis.call('GET', KEYS[2])
  if last then chatWait = math.max(0, tonumber(last) + chatEvery - now) end
end
if urgent and chatWait > 0 and perMin > 0 then redis.call('SET', KEYS[3], 1, 'PX', chatWait + 100) end
if acctWait > 0 or chatWait > 0 or holdWait > 0 then return {acctWait, chatWait, holdWait} end
if perMin > 0 then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], 61000)
end
if chatEvery > 0 then redis.call('SET', KEYS[2], now, 'PX', chatEvery + 1000) end
return {0, 0, 0}
`;

/** Claims a message for sending: 'ok', 'sent' (someone sent it), or 'busy' (someone is sending it). */
const CLAIM_LUA = `
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
  return 'ok'
end
if v == ARGV[1] then return 'ok' end
if string.sub(v, 1, 5) == 'sent:' then return 'sent' end
return 'busy'
`;

/** Releases our claim after a failed send (only if it is still ours). */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** A claim lasts this long while sending: a gateway killed mid-send (and not back) frees it after this. */
const CLAIM_MS = 60_000;
/** A sent mark is kept this long (outbound jobs live an hour; relays of undelivered rows come sooner). */
const SENT_S = 3 * 86_400;

export type ClaimResult = 'ok' | 'sent' | 'busy';

export interface SendGuard {
  /** Takes a send from the budgets; [0, 0] when taken, else how long each budget needs. */
  take(account: { id: string; perMinute: number | null; roomEveryMs: number }, chat: string, sendId: string, urgent: boolean): Promise<[number, number, number]>;
  claim(jobId: string, token: string): Promise<ClaimResult>;
  release(jobId: string, token: string): Promise<void>;
  markSent(jobIds: string[], bot: string): Promise<void>;
  /** Who sent it, if anyone (`sent:<bot>`). */
  sentBy(jobId: string): Promise<string | null>;
}

export function createSendGuard(redis: Redis, prefix: string): SendGuard {
  const keys = accountKeys(prefix);
  return {
    async take(account, chat, sendId, urgent) {
      const r = (await redis.eval(BUDGET_LUA, 3, keys.accountBudget(account.id), keys.chatBudget(chat), keys.urgentHold(account.id), account.perMinute ?? 0, account.roomEveryMs, sendId, urgent ? 1 : 0)) as [number, number, number];
      return [Number(r[0]), Number(r[1]), Number(r[2])];
    },
    claim: async (jobId, token) => (await redis.eval(CLAIM_LUA, 1, keys.claim(jobId), `sending:${token}`, CLAIM_MS)) as ClaimResult,
    async release(jobId, token) {
      await redis.eval(RELEASE_LUA, 1, keys.claim(jobId), `sending:${token}`);
    },
    async markSent(jobIds, bot) {
      if (!jobIds.length) return;
      const m = redis.multi();
      for (const id of jobIds) m.set(keys.claim(id), `sent:${bot}`, 'EX', SENT_S);
      await m.exec();
    },
    async sentBy(jobId) {
      const v = await redis.get(keys.claim(jobId));
      return v?.startsWith('sent:') ? v.slice(5) : null;
    },
  };
}
