/**
 * Channel settings of a bot account (issue 18): what a WeCom or DingTalk account needs beside
 * the `bots` entry of issue 17 (`id`, `channel`, send budget). Secrets are never in the profile:
 * it names the environment variable that holds each one (`secretEnv: WECOM_CORP_SECRET`), and
 * `loadConfig` reads them once (STYLE.md "Config and logs").
 *
 * ```yaml
 * bots:
 *   - id: wecom-east
 *     channel: wecom
 *     wecom:
 *       corpId: ww0123456789abcdef
 *       agentId: 1000002
 *       secretEnv: WECOM_CORP_SECRET
 *       callback: { tokenEnv: WECOM_CALLBACK_TOKEN, aesKeyEnv: WECOM_CALLBACK_AES_KEY }
 *       rooms:
 *         幸福里第一网格工作群: { webhookKeyEnv: WECOM_ROBOT_G1 }
 * org:
 *   members:
 *     - { name: 李网格, role: worker, unit: G1, wecomId: lisi }
 * ```
 */
import { z } from 'zod';
import { botSchema } from '../profile-bots.js';

/** An environment variable name: upper case, digits and `_` (never the secret itself). */
const envName = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'expected the NAME of an environment variable (A-Z, 0-9, _), never the secret itself');
const baseUrl = z.url().transform((u) => u.replace(/\/+$/, ''));
/** A platform user id as WeCom and DingTalk issue them (letters, digits, `_ - . @`). */
const platformUserId = z.string().trim().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'expected a user id (letters, digits, _ - . @)');

export const wecomAccountSchema = z.strictObject({
  corpId: z.string().trim().min(1).max(64),
  agentId: z.number().int().positive(),
  /** The application's Secret (应用 Secret). */
  secretEnv: envName,
  /** The application's "接收消息" settings: Token and EncodingAESKey. */
  callback: z.strictObject({
    tokenEnv: envName,
    aesKeyEnv: envName,
    /** Where the callback is mounted on the HTTP server; default `/wecom/<bot id>/callback`. */
    path: z.string().regex(/^\/[A-Za-z0-9/_-]{1,120}$/, 'expected a path such as /wecom/east/callback').optional(),
    /** A gateway process of its own (`--role gateway`) has no HTTP server: it listens here. */
    listen: z.strictObject({ host: z.string().min(1).default('127.0.0.1'), port: z.number().int().min(0).max(65535) }).optional(),
  }),
  /** Default https://qyapi.weixin.qq.com (a private WeCom / 政务微信 deployment has its own). */
  apiBase: baseUrl.default('https://qyapi.weixin.qq.com'),
  /** Each group the account serves, by topic: the group robot (群机器人) added to it. */
  rooms: z.record(z.string().trim().min(1).max(64), z.strictObject({ webhookKeyEnv: envName })).default({}),
});
export type WecomAccount = z.output<typeof wecomAccountSchema>;

export const dingtalkAccountSchema = z.strictObject({
  /** The application's Client ID (AppKey); not secret, but may come from the environment. */
  clientId: z.string().trim().min(1).max(128).optional(),
  clientIdEnv: envName.optional(),
  clientSecretEnv: envName,
  /** The robot's code (usually the Client ID). */
  robotCode: z.string().trim().min(1).max(128),
  /** Default https://api.dingtalk.com (robot send APIs and the access token). */
  apiBase: baseUrl.default('https://api.dingtalk.com'),
  /** Where the Stream connection is opened; default DingTalk's own gateway. */
  gatewayUrl: z.url().optional(),
  /**
   * Each group the robot serves, by topic: its openConversationId (pushes through the robot's
   * group API), or a custom robot webhook with its 加签 secret.
   */
  rooms: z
    .record(
      z.string().trim().min(1).max(64),
      z.strictObject({
        openConversationId: z.string().trim().min(1).max(128).optional(),
        webhookEnv: envName.optional(),
        secretEnv: envName.optional(),
      }).refine((r) => !!r.openConversationId || !!r.webhookEnv, { message: 'expected openConversationId or webhookEnv' }),
    )
    .default({}),
}).refine((d) => !!d.clientId !== !!d.clientIdEnv, { message: 'expected clientId or clientIdEnv (one of them)', path: ['clientId'] });
export type DingtalkAccount = z.output<typeof dingtalkAccountSchema>;

/** The keys a `bots` entry gets for its channel (spread into issue 17's bot schema). */
export const channelFields = {
  wecom: wecomAccountSchema.optional(),
  dingtalk: dingtalkAccountSchema.optional(),
};

/** `bots` of the profile: issue 17's account entry plus its channel's settings. */
export const channelBotsSchema = z.array(botSchema.extend(channelFields)).min(1, 'expected at least one bot account');

/** The keys a roster member gets: the platform user ids they are bound to from the start. */
export const memberChannelFields = {
  /** WeCom user id (通讯录 账号): bound at start-up, no 绑定 code needed. */
  wecomId: platformUserId.optional(),
  /** DingTalk user id (staffId / userId): bound at start-up. */
  dingtalkId: platformUserId.optional(),
};

/** A channel account's settings as the gateways see them. */
export type ChannelAccount = { kind: 'wecom'; settings: WecomAccount } | { kind: 'dingtalk'; settings: DingtalkAccount };

/** Per bot id; members' platform ids as chat identities (`wecom:lisi`, `dingtalk:0123`). */
export interface ChannelSettings {
  accounts: Record<string, ChannelAccount>;
  rosterIds: { name: string; channel: 'wecom' | 'dingtalk'; identity: string }[];
}

type RawBot = { id: string; channel: string; wecom?: WecomAccount | undefined; dingtalk?: DingtalkAccount | undefined };
type RawMember = { name: string; wecomId?: string | undefined; dingtalkId?: string | undefined };

/** Chat identity of a platform user: the namespace keeps a WeCom id from ever matching a WeChat one. */
export const identityOf = {
  wecom: (userId: string) => `wecom:${userId}`,
  dingtalk: (userId: string) => `dingtalk:${userId}`,
};

/** The platform user id inside a chat identity of that channel, or null. */
export function platformIdOf(kind: 'wecom' | 'dingtalk', identity: string | null): string | null {
  const head = `${kind}:`;
  return identity && identity.startsWith(head) ? identity.slice(head.length) : null;
}

/** The channel settings of a validated profile (its `bots` and members). */
export function channelSettingsOf(bots: readonly RawBot[] | undefined, members: readonly RawMember[]): ChannelSettings {
  const accounts: Record<string, ChannelAccount> = {};
  for (const b of bots ?? []) {
    if (b.channel === 'wecom' && b.wecom) accounts[b.id] = { kind: 'wecom', settings: b.wecom };
    if (b.channel === 'dingtalk' && b.dingtalk) accounts[b.id] = { kind: 'dingtalk', settings: b.dingtalk };
  }
  const rosterIds = members.flatMap((m) => [
    ...(m.wecomId ? [{ name: m.name, channel: 'wecom' as const, identity: identityOf.wecom(m.wecomId) }] : []),
    ...(m.dingtalkId ? [{ name: m.name, channel: 'dingtalk' as const, identity: identityOf.dingtalk(m.dingtalkId) }] : []),
  ]);
  return { accounts, rosterIds };
}

type Loose = Record<string, unknown>;

/**
 * Cross-references: a `wecom` account needs `wecom:` settings (and `dingtalk` likewise), no
 * settings for another channel, rooms named in them exist, and no two members share a platform id.
 * @example channelReferenceProblems({ bots: [{ id: 'w', channel: 'wecom' }] }) // ['bots[0].wecom: required for channel wecom']
 */
export function channelReferenceProblems(raw: Loose): string[] {
  const problems: string[] = [];
  const bots = Array.isArray(raw.bots) ? (raw.bots as unknown[]) : [];
  const org = raw.org && typeof raw.org === 'object' ? (raw.org as Loose) : {};
  const topics = new Set((Array.isArray(org.rooms) ? (org.rooms as Loose[]) : []).map((r) => (r && typeof r.topic === 'string' ? r.topic.trim() : '')));
  bots.forEach((b, i) => {
    if (!b || typeof b !== 'object') return;
    const bot = b as Loose;
    const channel = typeof bot.channel === 'string' ? bot.channel : 'wechaty';
    for (const kind of ['wecom', 'dingtalk'] as const) {
      if (channel === kind && !bot[kind]) problems.push(`bots[${i}].${kind}: required for channel ${kind}`);
      if (channel !== kind && bot[kind]) problems.push(`bots[${i}].${kind}: only for channel ${kind} (this account is ${channel})`);
      const settings = bot[kind];
      const rooms = settings && typeof settings === 'object' ? (settings as Loose).rooms : undefined;
      if (rooms && typeof rooms === 'object') {
        for (const topic of Object.keys(rooms)) {
          if (!topics.has(topic.trim())) problems.push(`bots[${i}].${kind}.rooms.${topic}: unknown room "${topic}"`);
        }
      }
    }
  });
  const members = Array.isArray(org.members) ? (org.members as Loose[]) : [];
  for (const key of ['wecomId', 'dingtalkId'] as const) {
    const seen = new Set<string>();
    members.forEach((m, i) => {
      const id = m && typeof m[key] === 'string' ? (m[key] as string).trim() : '';
      if (id && seen.has(id)) problems.push(`org.members[${i}].${key}: duplicate ${key} "${id}"`);
      if (id) seen.add(id);
    });
  }
  return problems;
}

/** Every environment variable the channel accounts name, with where it is named. */
export function namedSecrets(settings: ChannelSettings): { env: string; where: string }[] {
  const out: { env: string; where: string }[] = [];
  for (const [id, a] of Object.entries(settings.accounts)) {
    const at = (k: string) => `bots[id=${id}].${a.kind}.${k}`;
    if (a.kind === 'wecom') {
      const s = a.settings;
      out.push({ env: s.secretEnv, where: at('secretEnv') }, { env: s.callback.tokenEnv, where: at('callback.tokenEnv') }, { env: s.callback.aesKeyEnv, where: at('callback.aesKeyEnv') });
      for (const [topic, r] of Object.entries(s.rooms)) out.push({ env: r.webhookKeyEnv, where: at(`rooms.${topic}.webhookKeyEnv`) });
    } else {
      const s = a.settings;
      out.push({ env: s.clientSecretEnv, where: at('clientSecretEnv') });
      if (s.clientIdEnv) out.push({ env: s.clientIdEnv, where: at('clientIdEnv') });
      for (const [topic, r] of Object.entries(s.rooms)) {
        if (r.webhookEnv) out.push({ env: r.webhookEnv, where: at(`rooms.${topic}.webhookEnv`) });
        if (r.secretEnv) out.push({ env: r.secretEnv, where: at(`rooms.${topic}.secretEnv`) });
      }
    }
  }
  return out;
}

/**
 * Reads the secrets the channel accounts name from the environment; one problem line per
 * variable that is missing (the line names the variable, never a value).
 */
export function readChannelSecrets(settings: ChannelSettings, env: Record<string, string | undefined>): { secrets: Readonly<Record<string, string>>; problems: string[] } {
  const secrets: Record<string, string> = {};
  const problems: string[] = [];
  for (const { env: name, where } of namedSecrets(settings)) {
    const v = env[name];
    if (v) secrets[name] = v;
    else problems.push(`${name}: not set (named by ${where} in the profile)`);
  }
  return { secrets: Object.freeze(secrets), problems: [...new Set(problems)] };
}
