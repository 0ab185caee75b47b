/**
 * `/healthz` and the backlog line in the log: SQLite answers, Redis answers within a second,
 * the bot is logged in, and no message has waited longer than the alarm (relay or WeChat stuck).
 */
import type { Backlog } from '../core/index.js';
import type { Log } from '../log.js';

/** /healthz answers 503 when a message has waited this long to be delivered. */
export const BACKLOG_ALARM_SECONDS = 300;

export interface HealthParts {
  storeProblem: () => string | null;
  ping: () => Promise<unknown>;
  loggedIn: () => boolean;
  backlog: () => Backlog;
}

/** Every problem, one line each; empty when healthy. */
export async function healthProblems(p: HealthParts): Promise<string[]> {
  const problems: string[] = [];
  const sqlite = p.storeProblem();
  if (sqlite) problems.push(`sqlite: ${sqlite}`);
  try {
    await Promise.race([p.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('no answer within 1 s')), 1000).unref())]);
  } catch (err) {
    problems.push(`redis: ${(err as Error).message}`);
  }
  if (!p.loggedIn()) problems.push('gateway: the bot is not logged in to WeChat');
  const b = p.backlog();
  if (b.oldestAgeSeconds > BACKLOG_ALARM_SECONDS) problems.push(`outbox: the oldest undelivered message has waited ${b.oldestAgeSeconds} s (${b.waiting} waiting)`);
  return problems;
}

/** Logs the backlog once a minute while anything waits (a warning past the alarm). */
export function createBacklogLog(backlog: () => Backlog, log: Log) {
  let timer: NodeJS.Timeout | null = null;
  return {
    name: 'backlog-log',
    start() {
      timer = setInterval(() => {
        const b = backlog();
        if (b.oldestAgeSeconds > BACKLOG_ALARM_SECONDS) log.warn(b, 'outbound messages are stuck');
        else if (b.waiting > 0) log.info(b, 'outbound backlog');
      }, 60_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
