/**
 * Configuration: environment variables and the bot profile (bots/*.yaml, src/profile.ts), read
 * once, validated with zod, returned frozen. No other module reads process.env.
 */
import { z } from 'zod';
import { ConfigError, loadProfile, problemsOf, type Profile } from './profile.js';
import { legacyAccount, type BotAccount } from './profile-bots.js';
import { botIdFromProfile } from './wire/names.js';
import { readChannelSecrets } from './channels/config.js';

export { ConfigError, DEFAULT_POLICY, formatPath, loadProfile, parseProfile, type AlertsConfig, type BackupConfig, type LevelPolicy, type Profile } from './profile.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  GRIDGUARD_PROFILE: z.string().min(1).default('bots/demo.yaml'),
  DATABASE_PATH: z.string().min(1).default('data/gridguard.db'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected a URL like redis://127.0.0.1:6379').optional(),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, _ . or - (no colon)').default('gridguard'),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: z.coerce.number({ message: 'expected a port number 0-65535' }).int().min(0).max(65535).default(8787),
  INTAKE_TOKEN: z.string().min(1).optional(),
  INTAKE_HMAC_SECRET: z.string().min(16, 'expected at least 16 characters').optional(),
  /** Signs board links (`gridguard board-link`); INTAKE_TOKEN when not set. */
  BOARD_LINK_SECRET: z.string().min(16, 'expected at least 16 characters').optional(),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-mock'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  /** Where puppet-service looks tokens up (wechaty-puppet-service reads the same variable). */
  WECHATY_PUPPET_SERVICE_AUTHORITY: z.string().min(1).default('api.chatie.io'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** What this process runs (issue 17): `all` (core and every account's gateway), `core`, or `gateway`. */
  GRIDGUARD_ROLE: z.enum(['all', 'core', 'gateway']).default('all'),
  /** The account a `gateway` process runs (an id of the profile's `bots`). */
  GRIDGUARD_BOT: z.string().min(1).optional(),
});

export interface Config {
  profilePath: string;
  profile: Profile;
  databasePath: string;
  /** Null when REDIS_URL is not set: the default address is tried, then a private redis-server. */
  redisUrl: string | null;
  queuePrefix: string;
  http: { host: string; port: number };
  intakeToken: string | null;
  /** When set, POST /api/v1/leads must carry an HMAC-SHA256 signature (SECURITY.md). */
  intakeHmacSecret: string | null;
  /** Secret of signed board links: BOARD_LINK_SECRET, else INTAKE_TOKEN, else null (no link is valid). */
  boardLinkSecret: string | null;
  puppet: { name: string; token: string | null; authority: string };
  /** True when the puppet is the mock: the sandbox world, API and page are on. */
  sandbox: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** What this process runs (issue 17): core and every account's gateway, core alone, or one gateway. */
  role: 'all' | 'core' | 'gateway';
  /** The account a gateway process runs; null: the only one (a profile with one account). */
  bot: string | null;
  /** WeCom / DingTalk secrets, by the environment variable the profile names (never logged). */
  channelSecrets: Readonly<Record<string, string>>;
}

/**
 * Reads environment and profile once.
 * @example loadConfig({ GRIDGUARD_PROFILE: 'bots/demo.yaml' }).http.port // 8787
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = envSchema.safeParse(cleaned);
  if (!r.success) throw new ConfigError('environment', problemsOf(r.error));
  const e = r.data;
  const sandbox = e.WECHATY_PUPPET === 'wechaty-puppet-mock';
  if (e.WECHATY_PUPPET === 'wechaty-puppet-service' && !e.WECHATY_PUPPET_SERVICE_TOKEN) {
    throw new ConfigError('environment', ['WECHATY_PUPPET_SERVICE_TOKEN: required when WECHATY_PUPPET is wechaty-puppet-service']);
  }
  // Exposure is closed by default (DESIGN "Additions"): without a token, loopback only.
  if (!e.INTAKE_TOKEN && !isLoopback(e.HTTP_HOST)) {
    throw new ConfigError('environment', [`HTTP_HOST: ${e.HTTP_HOST} is reachable from the network; set INTAKE_TOKEN first (or listen on 127.0.0.1)`]);
  }
  const profile = loadProfile(e.GRIDGUARD_PROFILE);
  const ids = accountsOf({ profile, profilePath: e.GRIDGUARD_PROFILE }).map((b) => b.id);
  if (e.GRIDGUARD_BOT && !ids.includes(e.GRIDGUARD_BOT)) throw new ConfigError('environment', [`GRIDGUARD_BOT: unknown bot "${e.GRIDGUARD_BOT}" (the profile's accounts: ${ids.join(', ')})`]);
  if (e.GRIDGUARD_ROLE === 'gateway' && !e.GRIDGUARD_BOT && ids.length > 1) throw new ConfigError('environment', [`GRIDGUARD_BOT: a gateway runs one account; name it with --bot (${ids.join(', ')})`]);
  const channels = readChannelSecrets(profile.channels, cleaned);
  if (channels.problems.length) throw new ConfigError('environment', channels.problems);
  return Object.freeze({
    profilePath: e.GRIDGUARD_PROFILE,
    profile,
    databasePath: e.DATABASE_PATH,
    redisUrl: e.REDIS_URL ?? null,
    queuePrefix: e.QUEUE_PREFIX,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    intakeToken: e.INTAKE_TOKEN ?? null,
    intakeHmacSecret: e.INTAKE_HMAC_SECRET ?? null,
    boardLinkSecret: e.BOARD_LINK_SECRET ?? e.INTAKE_TOKEN ?? null,
    puppet: { name: e.WECHATY_PUPPET, token: e.WECHATY_PUPPET_SERVICE_TOKEN ?? null, authority: e.WECHATY_PUPPET_SERVICE_AUTHORITY },
    sandbox,
    logLevel: e.LOG_LEVEL,
    role: e.GRIDGUARD_ROLE,
    bot: e.GRIDGUARD_BOT ?? null,
    channelSecrets: channels.secrets,
  });
}

/**
 * True for an address only this machine can reach.
 * @example isLoopback('127.0.0.1') // true
 * @example isLoopback('0.0.0.0') // false
 */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * The parts of a profile core uses (core never imports this module).
 * @example createCore(store, org, coreSettingsOf(config.profile), ports)
 */
export function coreSettingsOf(p: Profile) {
  return { timezone: p.timezone, policy: p.policy, boundaries: p.shifts.boundaries, botName: p.bot.name, remindWeekends: p.outreach.remindWeekends, personalDataForMs: p.retention.personalDataFor, rosters: p.rosters };
}

/**
 * The bot accounts of a configuration: the profile's `bots`, or its single account (id = the
 * profile's file name, today's behaviour).
 * @example accountsOf(loadConfig({ GRIDGUARD_PROFILE: 'bots/demo.yaml' }))[0].id // 'demo'
 */
export function accountsOf(config: Pick<Config, 'profile' | 'profilePath'>): BotAccount[] {
  const p = config.profile;
  return p.bots ?? [legacyAccount(botIdFromProfile(config.profilePath), p.bot)];
}
