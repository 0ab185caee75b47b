/**
 * Operating the service as one unit for the composition root: the deployer's
 * pre-flight (a puppet-service token that resolves, Wechaty's own log lines routed through
 * ours without the token), Prometheus metrics, the watchdog and the nightly backup. (A Redis
 * outage is told once by src/wire/redis-outage.ts.)
 */
import { QueueEvents } from 'bullmq';
import type Database from 'better-sqlite3';
import { checkPuppetServiceToken } from './puppet-service-check.js';
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { outboundQueue } from '../wire/names.js';
import { createBackupClock } from './backup.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createWatchdog, type Watchdog } from './watchdog.js';
import { routeWechatyLogs } from './wechaty-logs.js';
import { closeBounded } from '../wire/close.js';

export interface OpsRuntime {
  sqlite: Database.Database;
  botId: string;
  loggedIn: () => boolean;
  /** PING with a short timeout. */
  redisUp: () => Promise<boolean>;
  redisUrl: string;
  /** Bot accounts as core's monitor sees them (issue 17). */
  accounts?: () => { id: string; name: string; failedOver: boolean }[];
}

export interface Ops {
  /** Before anything else starts: throws PuppetServiceError with one line when the token does not resolve. */
  beforeStart(): Promise<void>;
  /** The metrics of this process, created on first use over the service's SQLite connection. */
  metrics(rt: Pick<OpsRuntime, 'sqlite' | 'botId' | 'loggedIn' | 'redisUp'>): Metrics;
  /** Hook: the escalation timers were rebuilt after Redis lost them. */
  timersRebuilt(): void;
  /** Hook: a bot account failed over to its backups, or came back (the watchdog looks now). */
  accountChanged(s: { id: string; failedOver: boolean }): void;
  /** Once the service is up: tails, watchdog, nightly backup, outbound send events. */
  start(rt: OpsRuntime): Promise<void>;
  stop(): Promise<void>;
  watchdog(): Watchdog | null;
}

export function createOps(config: Config, log: Log, now: () => number = Date.now): Ops {
  const olog = log.child({ module: 'ops' });
  let metrics: Metrics | null = null;
  let watchdog: Watchdog | null = null;
  let backup: ReturnType<typeof createBackupClock> | null = null;
  let events: QueueEvents | null = null;
  let unroute: (() => void) | null = null;

  return {
    async beforeStart() {
      unroute = routeWechatyLogs(log, [config.puppet.token, config.intakeToken, config.intakeHmacSecret]);
      if (config.puppet.name === 'wechaty-puppet-service' && config.puppet.token) {
        await checkPuppetServiceToken(config.puppet.token, config.puppet.authority);
      }
    },
    metrics(rt) {
      metrics ??= createMetrics({ sqlite: rt.sqlite, botId: rt.botId, loggedIn: rt.loggedIn, redisUp: rt.redisUp, now });
      return metrics;
    },
    timersRebuilt: () => metrics?.timersRebuilt(),
    accountChanged: () => void watchdog?.check(),
    async start(rt) {
      const m = this.metrics(rt);
      m.start();
      // Retries and given-up sends are seen only by BullMQ: read its event stream of our queue.
      events = new QueueEvents(outboundQueue(rt.botId), { connection: { url: rt.redisUrl }, prefix: config.queuePrefix });
      events.on('error', () => {}); // an outage is told once by the service, not by every client
      events.on('delayed', () => m.sendRetried());
      events.on('failed', () => m.sendGivenUp());
      const alerts = config.profile.alerts;
      if (alerts) {
        watchdog = createWatchdog({ alerts, sqlite: rt.sqlite, botId: rt.botId, loggedIn: rt.loggedIn, redisUp: rt.redisUp, ...(rt.accounts ? { accounts: rt.accounts } : {}), log, now });
        await watchdog.start();
      }
      if (config.profile.backup) {
        backup = createBackupClock(rt.sqlite, config.profile.backup, config.profile.timezone, log, now);
        backup.start();
        olog.info({ dir: config.profile.backup.dir, at: config.profile.backup.at, keep: config.profile.backup.keep }, 'nightly backup on');
      }
    },
    async stop() {
      await backup?.stop();
      await watchdog?.stop();
      metrics?.stop();
      await closeBounded(events);
      unroute?.();
      unroute = null;
    },
    watchdog: () => watchdog,
  };
}
