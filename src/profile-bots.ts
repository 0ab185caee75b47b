/**
 * The profile's `bots` key (DESIGN.md "Additions"): several bot accounts, each with a channel
 * and a send budget, and the rooms' `bot` / `backupBot` references. WeChat, not the CPU, is the
 * bottleneck: one personal account safely sends about one message every 3 s.
 */
import { z } from 'zod';
import { parseDuration } from './domain/duration.js';

/** The channels a bot account can speak through (src/chat/channels.ts starts each). */
export const CHANNELS = ['wechaty', 'wecom', 'dingtalk'] as const;
export type Channel = (typeof CHANNELS)[number];

const ms = (s: string): number => parseDuration(s)!;
const durationMs = z
  .string()
  .refine((s) => parseDuration(s) !== null, { message: 'expected a duration such as 500ms, 30s, 5m or 2h' })
  .transform((s) => parseDuration(s)!);
const code = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -');

/** One account of `bots`. */
export const botSchema = z.strictObject({
  id: code,
  /** Display name (the sandbox contact's name); default `bot.name`. */
  name: z.string().trim().min(1).max(64).optional(),
  channel: z.enum(CHANNELS).default('wechaty'),
  /** At most this many sends a minute by this account (kept in Redis: every process shares it). */
  perMinute: z.number().int().min(1).max(600).default(20),
  /** Least time between two sends into one room, by any account. */
  roomEvery: durationMs.default(ms('3s')),
  /** Least time between two sends of this account (+ up to 1 s jitter); default `bot.sendInterval`. */
  sendInterval: durationMs.optional(),
  /** Logged out, gone or failing this long: urgent and high messages of its rooms go through their backup account. */
  failoverAfter: durationMs.default(ms('2m')),
});

export const botsSchema = z.array(botSchema).min(1, 'expected at least one bot account');

/** A bot account as the rest of the code sees it: every default filled in. */
export interface BotAccount {
  id: string;
  name: string;
  channel: Channel;
  /** Sends a minute; null = no per-minute budget (the single account of a profile without `bots`). */
  perMinute: number | null;
  roomEveryMs: number;
  sendIntervalMs: number;
  failoverAfterMs: number;
}

/** `bots` with the defaults that come from `bot` (name, send interval). */
export function botAccountsOf(bots: z.output<typeof botsSchema>, bot: { name: string; sendInterval: number }): BotAccount[] {
  return bots.map((b) => ({
    id: b.id,
    name: b.name ?? bot.name,
    channel: b.channel,
    perMinute: b.perMinute,
    roomEveryMs: b.roomEvery,
    sendIntervalMs: b.sendInterval ?? bot.sendInterval,
    failoverAfterMs: b.failoverAfter,
  }));
}

/**
 * The single account of a profile without `bots`: today's behaviour, its id the profile's file
 * name, paced only by `bot.sendInterval` (no per-minute or per-room budget, no digests).
 */
export function legacyAccount(id: string, bot: { name: string; sendInterval: number }): BotAccount {
  return { id, name: bot.name, channel: 'wechaty', perMinute: null, roomEveryMs: 0, sendIntervalMs: bot.sendInterval, failoverAfterMs: ms('2m') };
}

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as Loose) : {})) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
const path = (parts: (string | number)[]) => parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');

/**
 * Cross-references of `bots`: unique ids and names, and every room's `bot` and `backupBot`
 * naming one of them (a backup that is the room's own account backs up nothing). Runs on the
 * raw profile even when its shape is wrong, so one run lists every problem.
 * @example botReferenceProblems({ bots: [{ id: 'a' }], org: { rooms: [{ bot: 'b' }] } }) // ['org.rooms[0].bot: unknown bot "b" (bots: a)']
 */
export function botReferenceProblems(raw: Loose): string[] {
  const problems: string[] = [];
  const bots = Array.isArray(raw.bots) ? list(raw.bots) : null;
  const ids = new Set<string>();
  bots?.forEach((b, i) => {
    const id = str(b.id);
    if (id && ids.has(id)) problems.push(`${path(['bots', i, 'id'])}: duplicate bot id "${id}"`);
    if (id) ids.add(id);
  });
  const org = raw.org && typeof raw.org === 'object' ? (raw.org as Loose) : {};
  list(org.rooms).forEach((r, i) => {
    const bot = str(r.bot);
    const backup = str(r.backupBot);
    for (const [key, id] of [['bot', bot], ['backupBot', backup]] as const) {
      if (!id) continue;
      if (!bots) problems.push(`${path(['org', 'rooms', i, key])}: names bot "${id}" but the profile has no bots: list`);
      else if (!ids.has(id)) problems.push(`${path(['org', 'rooms', i, key])}: unknown bot "${id}" (bots: ${[...ids].join(', ') || 'none'})`);
    }
    const primary = bot ?? (bots ? str(bots[0]?.id) : undefined);
    if (backup && primary && backup === primary) problems.push(`${path(['org', 'rooms', i, 'backupBot'])}: is the room's own account "${backup}"; name another one`);
  });
  return problems;
}
