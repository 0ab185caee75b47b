/**
 * The watchdog: tells people on a second channel (WeCom, DingTalk, a webhook) when
 * the service cannot do its job, because "escalation silently stopped" is what users of every
 * on-call tool complain about most. It reads the same truth as everything else: SQLite, the
 * gateway's login state, a PING to Redis.
 *
 * Rules (profile `alerts.rules`, each `false` to turn off): the bot logged out longer than
 * `loggedOutFor`; an urgent message not sent within `urgentUnsentFor`; any message waiting
 * longer than `backlogOlderThan`; an escalation step that fired (or is still due) more than
 * `timerLateBy` after its deadline; Redis silent longer than `redisDownFor`; the service
 * (re)started. An incident is told once when it begins, again at most every `repeatEvery`
 * while it lasts, and once more ("已恢复") when it clears. `heartbeatUrl` is fetched every
 * `heartbeatEvery`, so an outside watcher notices when the whole service is gone.
 */
import { OPEN_STATUSES_SQL } from '../domain/vocabulary.js';
import type Database from 'better-sqlite3';
import type { AlertsConfig } from '../config.js';
import type { Log } from '../log.js';
import { createAlertChannel, type AlertChannel, type AlertMessage } from './alert-channels.js';

export interface WatchdogDeps {
  alerts: AlertsConfig;
  sqlite: Database.Database;
  botId: string;
  loggedIn: () => boolean;
  redisUp: () => Promise<boolean>;
  /** Bot accounts failed over to their backups (issue 17): told as the `failover` incident. */
  accounts?: () => { id: string; name: string; failedOver: boolean }[];
  log: Log;
  now?: () => number;
}

export interface Watchdog {
  /** Evaluates every rule once (also run every `checkEvery`). */
  check(): Promise<void>;
  /** Rules with an incident going on, and since when. */
  incidents(): { rule: string; since: number; told: boolean }[];
  /** Resolves when every channel has sent what it holds. */
  idle(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type RuleName = 'loggedOut' | 'urgentUnsent' | 'backlog' | 'timerLate' | 'redisDown' | 'failover';
interface Reading {
  active: boolean;
  /** When the condition began (first seen, or the age of what it measures). */
  since?: number;
  /** A figure for the message, e.g. how many wait. */
  detail?: string;
}

/** A late step counts as an incident for this long after it fired. */
const LATE_WINDOW_MS = 10 * 60_000;
const OPEN = OPEN_STATUSES_SQL;

/** `2 分 5 秒`, `45 秒`, `1 小时 3 分`. */
export function zhDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} 分 ${s % 60} 秒` : `${m} 分钟`;
  return m % 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分` : `${Math.floor(m / 60)} 小时`;
}

const TITLES: Record<RuleName, string> = {
  loggedOut: '机器人微信号已掉线',
  urgentUnsent: '紧急预警消息未能发出',
  backlog: '待发消息积压',
  timerLate: '超时提醒定时器延迟',
  redisDown: 'Redis 无法连接',
  failover: '机器人账号故障，已由备用账号发送紧急和高危消息',
};

export function createWatchdog(deps: WatchdogDeps): Watchdog {
  const now = deps.now ?? Date.now;
  const a = deps.alerts;
  const log = deps.log.child({ module: 'ops.watchdog' });
  const channels: AlertChannel[] = a.channels.map((c, i) => createAlertChannel(c, i, a.rateLimit, log, now));
  const db = deps.sqlite;
  const pending = (priority: string) =>
    db.prepare(`select count(*) as n, min(created_at) as oldest from outbox where delivered_at is null and failed_at is null ${priority}`);
  const urgentQ = pending('and priority = 1');
  const backlogQ = pending('');
  const lateFiredQ = db.prepare(
    `select max(at - (julianday(json_extract(data, '$.dueAt')) - 2440587.5) * 86400000.0) as late, max(at) as lastAt
     from case_events where at > ? and type = 'escalated'`,
  );
  const overdueQ = db.prepare(`select count(*) as n, min(next_deadline_at) as oldest from cases where status in ${OPEN} and next_deadline_at < ?`);

  /** First time a condition without an age of its own was seen. */
  const firstSeen = new Map<RuleName, number>();
  const seen = (rule: RuleName, active: boolean): number | undefined => {
    if (!active) {
      firstSeen.delete(rule);
      return undefined;
    }
    if (!firstSeen.has(rule)) firstSeen.set(rule, now());
    return firstSeen.get(rule);
  };

  async function read(rule: RuleName): Promise<Reading> {
    const t = now();
    switch (rule) {
      case 'loggedOut': {
        const active = !deps.loggedIn();
        return { active, since: seen(rule, active) };
      }
      case 'redisDown': {
        const active = !(await deps.redisUp());
        return { active, since: seen(rule, active) };
      }
      case 'failover': {
        const down = (deps.accounts?.() ?? []).filter((x) => x.failedOver);
        return { active: down.length > 0, since: seen(rule, down.length > 0), detail: `故障账号：${down.map((x) => `${x.name}（${x.id}）`).join('、')}` };
      }
      case 'urgentUnsent':
      case 'backlog': {
        const r = (rule === 'urgentUnsent' ? urgentQ : backlogQ).get() as { n: number; oldest: number | null };
        return { active: r.oldest !== null, since: r.oldest ?? undefined, detail: `${r.n} 条待发` };
      }
      case 'timerLate': {
        const limit = a.rules.timerLateBy || 0;
        const fired = lateFiredQ.get(t - LATE_WINDOW_MS) as { late: number | null; lastAt: number | null };
        const overdue = overdueQ.get(t - limit) as { n: number; oldest: number | null };
        if (overdue.oldest !== null) return { active: true, since: overdue.oldest + limit, detail: `${overdue.n} 件案件的提醒已过期未触发` };
        if (fired.late !== null && fired.late > limit) return { active: true, since: now(), detail: `最近一次晚了 ${zhDuration(fired.late)}` };
        return { active: false };
      }
    }
  }

  const thresholds: [RuleName, number | false][] = [
    ['loggedOut', a.rules.loggedOutFor],
    ['urgentUnsent', a.rules.urgentUnsentFor],
    ['backlog', a.rules.backlogOlderThan],
    ['timerLate', a.rules.timerLateBy],
    ['redisDown', a.rules.redisDownFor],
    // Told as soon as the account monitor fails an account over (it waited `failoverAfter` already).
    ['failover', deps.accounts ? 0 : false],
  ];

  interface Incident {
    since: number;
    told: boolean;
    lastToldAt: number;
  }
  const incidents = new Map<RuleName, Incident>();

  const broadcast = (m: Omit<AlertMessage, 'bot' | 'at'>) => {
    const message: AlertMessage = { ...m, bot: deps.botId, at: now() };
    log.warn({ rule: m.rule, status: m.status, channels: channels.length }, 'watchdog alert');
    for (const c of channels) c.send(message);
  };
  const header = `【网格哨兵 ${deps.botId}】`;

  async function evaluate(rule: RuleName, threshold: number): Promise<void> {
    const r = await read(rule);
    const t = now();
    const inc = incidents.get(rule);
    if (r.active) {
      // timerLate reports "since" as when it was noticed; the others as when it began.
      const since = r.since ?? t;
      const cur = inc ?? { since, told: false, lastToldAt: 0 };
      incidents.set(rule, cur);
      const lasted = t - cur.since;
      const due = rule === 'timerLate' || lasted >= threshold;
      const detail = r.detail ? `，${r.detail}` : '';
      if (!cur.told && due) {
        cur.told = true;
        cur.lastToldAt = t;
        broadcast({ status: 'firing', rule, since: cur.since, text: `${header}告警：${TITLES[rule]}（已持续 ${zhDuration(lasted)}${detail}）。${advice(rule)}` });
      } else if (cur.told && t - cur.lastToldAt >= a.repeatEvery) {
        cur.lastToldAt = t;
        broadcast({ status: 'firing', rule, since: cur.since, text: `${header}仍未恢复：${TITLES[rule]}（已持续 ${zhDuration(lasted)}${detail}）。` });
      }
    } else if (inc) {
      incidents.delete(rule);
      if (inc.told) broadcast({ status: 'resolved', rule, since: inc.since, text: `${header}已恢复：${TITLES[rule]}（持续了 ${zhDuration(t - inc.since)}）。` });
    }
  }

  let checking: Promise<void> | null = null;
  async function check(): Promise<void> {
    if (checking) return checking;
    checking = (async () => {
      for (const [rule, threshold] of thresholds) {
        if (threshold === false) continue;
        try {
          await evaluate(rule, threshold);
        } catch (err) {
          // SQLite busy for a moment: the next check reads it.
          log.debug({ rule, err: (err as Error).message }, 'watchdog check skipped');
        }
      }
    })().finally(() => {
      checking = null;
    });
    return checking;
  }

  /** The restart rule: told at start, saying whether the previous run ended cleanly. */
  function announceStart(): void {
    const get = (key: string) => (db.prepare('select value from meta where key = ?').get(key) as { value: string } | undefined)?.value;
    const previousStart = get('ops.started_at');
    const cleanStop = get('ops.stopped_at');
    setMeta('ops.started_at', String(now()));
    db.prepare('delete from meta where key = ?').run('ops.stopped_at');
    if (!a.rules.restarted || !previousStart) return;
    const crashed = !cleanStop || Number(cleanStop) < Number(previousStart);
    broadcast({
      status: 'info',
      rule: 'restarted',
      since: null,
      text: crashed ? `${header}服务已重新启动：上次运行没有正常停止（崩溃、断电或被强制结束），请检查日志。` : `${header}服务已重新启动（上次为正常停止）。`,
    });
  }
  function setMeta(key: string, value: string): void {
    db.prepare('insert into meta (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at').run(key, value, now());
  }

  let heartbeatFailing = false;
  async function heartbeat(): Promise<void> {
    if (!a.heartbeatUrl) return;
    try {
      const res = await fetch(a.heartbeatUrl, { signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      if (heartbeatFailing) log.info('heartbeat reaches its watcher again');
      heartbeatFailing = false;
    } catch (err) {
      if (!heartbeatFailing) log.warn({ why: (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message }, 'heartbeat did not reach its watcher');
      heartbeatFailing = true;
    }
  }

  const timers: NodeJS.Timeout[] = [];
  return {
    check,
    incidents: () => [...incidents].map(([rule, i]) => ({ rule, since: i.since, told: i.told })),
    async idle() {
      await Promise.all(channels.map((c) => c.idle()));
    },
    async start() {
      try {
        announceStart();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'cannot record the start (SQLite busy)');
      }
      void heartbeat();
      if (a.heartbeatUrl) timers.push(setInterval(() => void heartbeat(), a.heartbeatEvery));
      timers.push(setInterval(() => void check(), a.checkEvery));
      for (const t of timers) t.unref();
      log.info({ channels: channels.map((c) => c.name), heartbeat: !!a.heartbeatUrl }, 'watchdog on');
    },
    async stop() {
      timers.forEach(clearInterval);
      await checking;
      try {
        setMeta('ops.stopped_at', String(now()));
      } catch {
        // Then the next start reports an unclean stop: the safe side.
      }
      // Give what is queued a moment to leave, then stop.
      await Promise.race([Promise.all(channels.map((c) => c.idle())), new Promise((r) => setTimeout(r, 2000).unref())]);
      channels.forEach((c) => c.stop());
    },
  };
}

function advice(rule: RuleName): string {
  switch (rule) {
    case 'loggedOut':
      return '消息在队列中等待，请尽快重新扫码登录（见 docs/deploy.md）。';
    case 'urgentUnsent':
      return '请检查机器人是否在线、是否被限制发送；必要时电话通知网格员。';
    case 'backlog':
      return '请检查机器人登录状态和 Redis。';
    case 'timerLate':
      return '超时升级可能未按时发出，请检查 Redis 和服务负载。';
    case 'redisDown':
      return '消息和提醒暂停发送（数据仍在 SQLite 中），请检查 redis-server。';
    case 'failover':
      return '普通消息等该账号恢复后再发，请尽快检查该账号的登录和网关进程。';
  }
}
