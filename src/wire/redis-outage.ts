/**
 * One voice for a Redis outage. Every Redis client of the process (the app's connection,
 * BullMQ's queues and workers, the gateway's) reports its error events here instead of logging
 * them: while Redis is away each client retries every few hundred milliseconds, and each retry
 * is an error event, so logging them one by one gave a hundred lines (and raw stack traces) for
 * a few seconds of outage. The service's own connection decides when the outage begins and
 * ends: one warning when it loses Redis, one line when it is ready again. Errors that are not a
 * lost connection are still logged, by their source, as one line without a stack.
 */
import type { Redis } from 'ioredis';
import type { Log } from '../log.js';

/** Where a Redis client's `error` event goes; `source` names the client in the rare line logged. */
export type RedisErrorReport = (source: string, err: unknown) => void;

export interface RedisOutage {
  /** An `error` event of any Redis client (safe to pass around unbound). */
  report: RedisErrorReport;
  /** Follows the service's main connection: its loss and its return are the outage's edges. */
  watch(connection: Redis): void;
  /** A normal stop closes connections on purpose: nothing is told from now on. */
  stopping(): void;
  /** Whether Redis is away now (the main connection lost it and is not ready again). */
  away(): boolean;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
const CONNECTION_MESSAGES = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable|socket (?:closed|hang up)|max retries per request|enableOfflineQueue/i;

/** True for an error that only says the client cannot talk to Redis right now. */
export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}

/**
 * @example
 * const outage = createRedisOutage(log, url)
 * outage.watch(connection)
 * worker.on('error', (err) => outage.report('queues.inbound', err))
 */
export function createRedisOutage(log: Log, url: string, now: () => number = Date.now): RedisOutage {
  const olog = log.child({ module: 'redis' });
  let awaySince: number | null = null;
  let connection: Redis | null = null;
  let quiet = false;

  const goneAway = (err: unknown) => {
    if (quiet || awaySince !== null) return;
    awaySince = now();
    const reason = (err as { code?: string; message?: string })?.code ?? (err as Error)?.message ?? 'connection lost';
    olog.warn({ url: redactUrl(url), reason }, 'Redis is away: messages and timers wait in SQLite until it is back (retrying)');
  };

  const report: RedisErrorReport = (source, err) => {
    if (quiet) return;
    if (!isConnectionError(err)) {
      olog.error({ source, err: (err as Error)?.message ?? String(err) }, 'Redis client error');
      return;
    }
    // A client other than the main connection may still be retrying after the main one is
    // back (each reconnects on its own schedule): that is no new outage.
    if (connection && connection.status === 'ready') {
      olog.debug({ source, err: (err as Error).message }, 'a Redis client is still reconnecting');
      return;
    }
    goneAway(err);
  };

  return {
    report,
    watch(c) {
      connection = c;
      c.on('error', (err) => report('redis', err));
      c.on('close', () => {
        // A closed socket while we are not stopping is the start of an outage.
        if (!quiet && c.status !== 'end') goneAway({ message: 'connection closed' });
      });
      c.on('ready', () => {
        if (awaySince === null) return;
        const seconds = Math.round((now() - awaySince) / 100) / 10;
        awaySince = null;
        if (!quiet) olog.info({ url: redactUrl(url), awaySeconds: seconds }, 'Redis is back');
      });
    },
    stopping() {
      quiet = true;
    },
    away: () => awaySince !== null,
  };
}

/** Until the service wires a tracker: one line, never a stack (tests and tools). */
export function logRedisErrors(log: Log): RedisErrorReport {
  return (source, err) => log.warn({ source, err: (err as Error)?.message ?? String(err) }, 'Redis client error');
}

/** A Redis URL without its password, for a log line. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return 'redis';
  }
}
