/**
 * The bot profile (bots/*.yaml): its zod schema, the cross-references a shape check cannot see,
 * and reading it. An invalid profile stops the service with one line per bad field.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { parseDuration } from './domain/duration.js';
import type { EscalationPolicy } from './domain/escalation.js';
import { isCronExpression } from './domain/shifts.js';
import { rosterReferenceProblems, rostersSchema } from './profile-rosters.js';
import { botAccountsOf, botReferenceProblems } from './profile-bots.js';
import { channelBotsSchema, channelReferenceProblems, channelSettingsOf, memberChannelFields } from './channels/config.js';
import { CHAIN_ROLES, LEVELS, ROLES, ROOM_PURPOSES, UNIT_KINDS, type Level, type Member, type Org } from './domain/types.js';

/** A configuration problem the deployer can fix; `problems` has one line per bad field. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const duration = z.string().refine((s) => parseDuration(s) !== null, {
  message: 'expected a duration such as 500ms, 30s, 5m or 2h',
});
const durationMs = duration.transform((s) => parseDuration(s)!);

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time HH:mm such as 22:00');
const levelPolicy = z.strictObject({
  ackWithin: durationMs,
  resolveWithin: durationMs,
  stepEvery: durationMs.optional(),
  repeatEvery: durationMs.optional(),
  chain: z.array(z.enum(CHAIN_ROLES)).default([]),
  /** Steps due in these local hours wait until they end (medium and low only). */
  quietHours: z.strictObject({ from: clock, to: clock }).optional(),
});
/** One level's escalation policy: the domain's type, which the schema's output satisfies. */
export type LevelPolicy = EscalationPolicy;
const _policyFits: (p: z.output<typeof levelPolicy>) => EscalationPolicy = (p) => p;
void _policyFits;

const ms = (s: string): number => parseDuration(s)!;
/** Default escalation policy from DESIGN.md ("Escalation policy"). */
export const DEFAULT_POLICY: Record<Level, LevelPolicy> = {
  urgent: { ackWithin: ms('5m'), resolveWithin: ms('30m'), stepEvery: ms('5m'), repeatEvery: ms('10m'), chain: ['assignee', 'lead', 'supervisor', 'operator'] },
  high: { ackWithin: ms('15m'), resolveWithin: ms('2h'), stepEvery: ms('15m'), chain: ['assignee', 'lead', 'supervisor'] },
  medium: { ackWithin: ms('2h'), resolveWithin: ms('24h'), stepEvery: ms('2h'), chain: ['assignee', 'lead'] },
  low: { ackWithin: ms('24h'), resolveWithin: ms('72h'), chain: [] },
};

const code = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -');
const name = z.string().trim().min(1).max(64);

const orgSchema = z.strictObject({
  units: z
    .array(z.strictObject({ code, name, kind: z.enum(UNIT_KINDS), parent: code.optional() }))
    .min(1, 'expected at least one unit'),
  rooms: z
    .array(
      z.strictObject({
        topic: name,
        unit: code,
        purpose: z.enum(ROOM_PURPOSES),
        members: z.array(name).optional(),
        /** The bot account serving this room (an id of `bots`; default the first one). */
        bot: code.optional(),
        /** A second account, also in the group, that carries urgent and high messages while `bot` is down. */
        backupBot: code.optional(),
      }),
    )
    .default([]),
  members: z
    .array(
      z.strictObject({
        name,
        role: z.enum(ROLES),
        unit: code,
        bindCode: z.string().trim().regex(/^[A-Za-z0-9]{4,16}$/, 'expected 4-16 letters or digits').optional(),
        /** Left unbound in the sandbox, for a trainee to bind as the sandbox's stranger. */
        sandboxUnbound: z.boolean().optional(),
        /** Platform user ids (WeCom, DingTalk) bound from the start (src/channels/config.ts). */
        ...memberChannelFields,
      }).refine((m) => !m.sandboxUnbound || !!m.bindCode, { message: 'a member left unbound in the sandbox needs a bindCode', path: ['bindCode'] }),
    )
    .default([]),
});

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as Asia/Shanghai' },
);

/** Second-channel watchdog: robots and webhooks that do not depend on the bot's WeChat account. */
const alertsSchema = z.strictObject({
  channels: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('wecom'), url: z.url() }),
        z.strictObject({ kind: z.literal('dingtalk'), url: z.url(), secret: z.string().min(1).optional() }),
        z.strictObject({ kind: z.literal('webhook'), url: z.url(), headers: z.record(z.string(), z.string()).optional() }),
      ]),
    )
    .default([]),
  heartbeatUrl: z.url().optional(),
  heartbeatEvery: durationMs.default(ms('1m')),
  /** A lasting incident is repeated no more often than this. */
  repeatEvery: durationMs.default(ms('30m')),
  /** Per channel: both robots take about 20 messages a minute. */
  rateLimit: z.strictObject({ messages: z.number().int().min(1).max(1000), per: durationMs }).default({ messages: 20, per: ms('1m') }),
  checkEvery: durationMs.default(ms('5s')),
  rules: z
    .strictObject({
      loggedOutFor: z.union([durationMs, z.literal(false)]).default(ms('2m')),
      urgentUnsentFor: z.union([durationMs, z.literal(false)]).default(ms('60s')),
      backlogOlderThan: z.union([durationMs, z.literal(false)]).default(ms('5m')),
      timerLateBy: z.union([durationMs, z.literal(false)]).default(ms('30s')),
      redisDownFor: z.union([durationMs, z.literal(false)]).default(ms('30s')),
      restarted: z.boolean().default(true),
    })
    .default({ loggedOutFor: ms('2m'), urgentUnsentFor: ms('60s'), backlogOlderThan: ms('5m'), timerLateBy: ms('30s'), redisDownFor: ms('30s'), restarted: true }),
});
export type AlertsConfig = z.output<typeof alertsSchema>;

/** Nightly online backup of the SQLite file, keeping the last `keep` copies. */
const backupSchema = z.strictObject({
  dir: z.string().min(1).default('data/backups'),
  at: clock.default('03:00'),
  keep: z.number().int().min(1).max(365).default(7),
});
export type BackupConfig = z.output<typeof backupSchema>;

const profileSchema = z
  .strictObject({
    bot: z
      .strictObject({ name: name.default('网格哨兵'), sendInterval: durationMs.default(ms('1500ms')) })
      .default({ name: '网格哨兵', sendInterval: 1500 }),
    timezone: timezone.default('Asia/Shanghai'),
    shifts: z
      .strictObject({ boundaries: z.string().refine(isCronExpression, 'expected a cron expression such as "0 8,20 * * *"').default('0 8,20 * * *') })
      .default({ boundaries: '0 8,20 * * *' }),
    policy: z
      .strictObject({
        // Urgent and high cases always go through: no quiet hours for them.
        urgent: levelPolicy.refine((p) => !p.quietHours, { message: 'quietHours are not allowed for urgent cases', path: ['quietHours'] }).optional(),
        high: levelPolicy.refine((p) => !p.quietHours, { message: 'quietHours are not allowed for high cases', path: ['quietHours'] }).optional(),
        medium: levelPolicy.optional(),
        low: levelPolicy.optional(),
      })
      .default({}),
    outreach: z
      .strictObject({
        /** Local time of the daily reminder to log outreach, or false for none. */
        remindAt: z.union([clock, z.literal(false)]).default('18:00'),
        remindWeekends: z.boolean().default(false),
        /** Cron of the weekly ranking by community, or false for none. */
        ranking: z.union([z.string().refine(isCronExpression, 'expected a cron expression such as "0 9 * * 1"'), z.literal(false)]).default('0 9 * * 1'),
      })
      .default({ remindAt: '18:00', remindWeekends: false, ranking: '0 9 * * 1' }),
    retention: z
      .strictObject({
        /** How long personal fields of a closed case are kept (PIPL: no longer than needed). */
        personalDataFor: durationMs.default(ms('180d')),
      })
      .default({ personalDataFor: ms('180d') }),
    alerts: alertsSchema.optional(),
    backup: backupSchema.optional(),
    /** Duty rosters per unit (src/profile-rosters.ts). */
    rosters: rostersSchema.optional(),
    /** Several bot accounts (src/profile-bots.ts); absent: one, named `bot.name`, id = the file name. */
    bots: channelBotsSchema.optional(),
    org: orgSchema,
  })
  // What the rest of the code sees: every level's policy filled in, `false` read as null,
  // bind codes in capitals. `Profile` is inferred from this, never written by hand.
  .transform((p) => ({
    bot: p.bot,
    timezone: p.timezone,
    shifts: p.shifts,
    policy: Object.fromEntries(LEVELS.map((l) => [l, p.policy[l] ?? DEFAULT_POLICY[l]])) as Record<Level, LevelPolicy>,
    outreach: { remindAt: p.outreach.remindAt || null, remindWeekends: p.outreach.remindWeekends, ranking: p.outreach.ranking || null },
    retention: p.retention,
    alerts: p.alerts ?? null,
    backup: p.backup ?? null,
    rosters: p.rosters ?? null,
    bots: p.bots ? botAccountsOf(p.bots, p.bot) : null,
    /** WeCom / DingTalk settings per account and roster platform ids (src/channels/config.ts). */
    channels: channelSettingsOf(p.bots, p.org.members),
    sandbox: { unbound: p.org.members.filter((m) => m.sandboxUnbound).map((m) => m.name) },
    org: {
      units: p.org.units,
      rooms: p.org.rooms,
      members: p.org.members.map((m): Member => ({ name: m.name, role: m.role, unit: m.unit, ...(m.bindCode ? { bindCode: m.bindCode.toUpperCase() } : {}) })),
    } satisfies Org,
  }));

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as Loose) : {})) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

/**
 * Cross-references that a shape check cannot see: unknown units, duplicates, cycles. Runs on
 * the raw org even when its shape is wrong, so one run lists every problem.
 */
function orgReferenceProblems(rawOrg: unknown): string[] {
  const org = rawOrg && typeof rawOrg === 'object' ? (rawOrg as Loose) : {};
  const problems: string[] = [];
  const issue = (path: (string | number)[], message: string) => problems.push(`${formatPath(['org', ...path])}: ${message}`);
  const units = list(org.units);
  const codes = new Set<string>();
  units.forEach((u, i) => {
    const c = str(u.code);
    if (c && codes.has(c)) issue(['units', i, 'code'], `duplicate unit code "${c}"`);
    if (c) codes.add(c);
  });
  const parents = new Map(units.map((u) => [str(u.code), str(u.parent)]));
  units.forEach((u, i) => {
    const parent = str(u.parent);
    if (parent && !codes.has(parent)) issue(['units', i, 'parent'], `unknown unit "${parent}"`);
    const seen = new Set<string>();
    for (let c = str(u.code); c; c = parents.get(c)) {
      if (seen.has(c)) {
        issue(['units', i, 'parent'], `unit "${str(u.code)}" is its own ancestor`);
        break;
      }
      seen.add(c);
    }
  });
  const names = new Set<string>();
  const bindCodes = new Set<string>();
  list(org.members).forEach((m, i) => {
    const unit = str(m.unit);
    const name = str(m.name);
    const bc = str(m.bindCode)?.toUpperCase();
    if (unit && !codes.has(unit)) issue(['members', i, 'unit'], `unknown unit "${unit}"`);
    if (name && names.has(name)) issue(['members', i, 'name'], `duplicate member name "${name}"`);
    if (name) names.add(name);
    if (bc && bindCodes.has(bc)) issue(['members', i, 'bindCode'], 'duplicate bind code');
    if (bc) bindCodes.add(bc);
  });
  const topics = new Set<string>();
  list(org.rooms).forEach((r, i) => {
    const unit = str(r.unit);
    const topic = str(r.topic);
    if (unit && !codes.has(unit)) issue(['rooms', i, 'unit'], `unknown unit "${unit}"`);
    if (topic && topics.has(topic)) issue(['rooms', i, 'topic'], `duplicate room topic "${topic}"`);
    if (topic) topics.add(topic);
    if (Array.isArray(r.members)) {
      r.members.forEach((n, j) => {
        if (typeof n === 'string' && !names.has(n.trim())) issue(['rooms', i, 'members', j], `unknown member "${n}"`);
      });
    }
  });
  return problems;
}

/** A validated profile (bots/*.yaml), as the schema's transform returns it. */
export type Profile = z.output<typeof profileSchema>;

/** Renders a zod issue path as `org.members[3].unit`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

export function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`);
}

/**
 * Validates a parsed profile object; throws ConfigError with one line per bad field.
 * @example parseProfile(yaml.parse(text), 'bots/demo.yaml').policy.urgent.ackWithin // 300000
 */
export function parseProfile(raw: unknown, source = 'profile'): Profile {
  const r = profileSchema.safeParse(raw);
  const rawOrg = raw && typeof raw === 'object' ? ((raw as Loose).org as Loose | undefined) : undefined;
  const refs = [...orgReferenceProblems(rawOrg), ...botReferenceProblems(raw && typeof raw === 'object' ? (raw as Loose) : {}), ...channelReferenceProblems(raw && typeof raw === 'object' ? (raw as Loose) : {})];
  if (raw && typeof raw === 'object' && (raw as Loose).rosters) {
    const codes = new Set(list(rawOrg?.units).map((u) => str(u.code) ?? ''));
    const names = new Set(list(rawOrg?.members).map((m) => str(m.name) ?? ''));
    refs.push(...rosterReferenceProblems((raw as Loose).rosters, codes, names));
  }
  if (!r.success || refs.length) throw new ConfigError(source, [...(r.success ? [] : problemsOf(r.error)), ...refs]);
  return r.data;
}

/** Reads and validates a profile YAML file. */
export function loadProfile(path: string): Profile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, [`cannot read the file: ${(err as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : '';
    throw new ConfigError(path, [`not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`]);
  }
  return parseProfile(raw, path);
}

