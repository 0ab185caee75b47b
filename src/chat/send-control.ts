/**
 * One outbound job, from the queue to WeChat (issue 17), for any channel: the account's and
 * the chat's send budgets (in Redis, shared by every process), the claim that makes a message
 * leave once even when its room's backup account carries a copy, digests of routine notices
 * when the budget is tight, and the delivery report back to core (core alone writes SQLite).
 *
 * Payload: a ChatOut plus `outboxId`; a failover copy adds `deliveryKey` (the original job id)
 * and `failover: true`. Why running a job twice is harmless: the claim (`sent:<jobId>` in
 * Redis) is taken before the send and marked after it, so a second run, or the other
 * account's copy, finds it sent and does nothing.
 */
import { hostname } from 'node:os';
import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { digestible, digestOf, digestSize } from '../domain/digest.js';
import type { ChatOut } from '../domain/messages.js';
import { PRIORITY } from '../domain/types.js';
import type { BotAccount } from '../profile-bots.js';
import type { Log } from '../log.js';
import { createSendGuard, takeCommand, writeBeat, type DeliveryReport } from '../wire/accounts.js';

/** Where delivery reports go: core directly (same process) or the `deliveries` queue. */
export interface DeliveryReporter {
  /** Never throws: a report that cannot be written now is kept and written later. */
  report(r: DeliveryReport): void;
  /** Core's record, when this process has it (a job run again after a crash skips a delivered one). */
  isDelivered?(jobId: string): boolean;
  /** Writes what is kept, then stops. */
  close(): Promise<void>;
}

/** An outbound job's data. */
export type OutboundJob = ChatOut & { outboxId?: number; deliveryKey?: string; failover?: boolean };

/** The chat a message goes to: its budget and its digest are per chat. */
export function chatOf(out: ChatOut): string {
  return 'room' in out ? `room:${out.room}` : `to:${out.to.wechatId ?? out.to.name}`;
}

/** The job id core knows the message by (a failover copy carries the original's). */
export const deliveryKeyOf = (job: Job): string => (job.data as OutboundJob).deliveryKey ?? job.id!;

export interface SendControlOptions {
  account: Pick<BotAccount, 'id' | 'perMinute' | 'roomEveryMs'>;
  redis: Redis;
  prefix: string;
  queue: Queue;
  reporter: DeliveryReporter;
  log: Log;
  now?: () => number;
  /** Attach what was said to reports (a sandbox gateway whose transcript lives in core's process). */
  transcribe?: boolean;
}

export interface SendControl {
  /**
   * Runs `job`: returns when it was sent (or found sent), throws RateLimitError / DelayedError
   * when a budget says wait (the job goes back with its priority), or the send's error.
   */
  run(job: Job, token: string | undefined, worker: Worker, send: (out: ChatOut) => Promise<void>): Promise<void>;
  /** A send failed / succeeded: the account is failing until one succeeds (health). */
  failing(): boolean;
}

/** A message someone else is sending right now is looked at again after this. */
const BUSY_RETRY_MS = 2000;

export function createSendControl(o: SendControlOptions): SendControl {
  const now = o.now ?? Date.now;
  const guard = createSendGuard(o.redis, o.prefix);
  const { account } = o;
  const budgeted = account.perMinute !== null || account.roomEveryMs > 0;
  let failingSince: number | null = null;

  /** Other routine jobs of the same chat waiting in this account's queue, most urgent and oldest first. */
  async function peers(head: Job, chat: string): Promise<Job[]> {
    const jobs = await o.queue.getJobs(['prioritized', 'waiting', 'delayed'], 0, 999);
    const t = now();
    return jobs
      .filter((j) => j && j.id !== head.id && chatOf(j.data as ChatOut) === chat && digestible(j.opts.priority ?? 0, t - j.timestamp))
      .sort((a, b) => (a.opts.priority ?? 0) - (b.opts.priority ?? 0) || a.timestamp - b.timestamp);
  }

  async function later(job: Job, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  return {
    failing: () => failingSince !== null,
    async run(job, token, worker, send) {
      const data = job.data as OutboundJob;
      const key = deliveryKeyOf(job);
      if (o.reporter.isDelivered?.(key) || (await guard.sentBy(key))) return;
      const chat = chatOf(data);

      // Routine notices of a chat leave as one digest when the budget makes them wait.
      let group: Job[] = [job];
      if (budgeted && digestible(job.opts.priority ?? 0, now() - job.timestamp)) {
        const more = await peers(job, chat);
        if (more.length) {
          const all = [job, ...more];
          group = all.slice(0, digestSize(all.map((j) => j.data as ChatOut), 'room' in data ? 'room' : 'private'));
        }
      }

      const urgent = (job.opts.priority ?? 0) <= PRIORITY.high;
      const [accountWait, chatWait, holdWait] = await guard.take(account, chat, `${job.id}-${job.attemptsStarted}-${now()}`, urgent);
      // The account's minute is spent: the whole queue waits (most urgent first when it resumes).
      if (accountWait > 0) {
        await worker.rateLimit(accountWait);
        throw Worker.RateLimitError();
      }
      // This chat needs a moment, or (a routine message) an urgent one waits for its chat and goes
      // first: other messages go meanwhile.
      if (chatWait > 0 || holdWait > 0) await later(job, token, Math.max(chatWait, holdWait));

      // The same job of the same account keeps its claim across retries and a crash mid-send (it
      // is taken back at the next start and may go again: at least once); any other job waits.
      const claimToken = `${account.id}:${job.id}`;
      const claimed: Job[] = [];
      for (const j of group) {
        const r = await guard.claim(deliveryKeyOf(j), claimToken);
        if (r === 'ok') claimed.push(j);
        else if (j === job) {
          if (r === 'sent') return;
          await later(job, token, BUSY_RETRY_MS);
        } else if (r === 'sent') await j.remove().catch(() => {});
      }

      const out: ChatOut =
        claimed.length > 1
          ? (() => {
              const d = digestOf(claimed.map((j) => j.data as ChatOut & { mentions?: [] }), 'room' in data ? 'room' : 'private');
              return 'room' in data ? { room: data.room, mentions: d.mentions, text: d.text } : { to: data.to, text: d.text };
            })()
          : data;
      try {
        await send(out);
      } catch (err) {
        failingSince ??= now();
        await Promise.all(claimed.map((j) => guard.release(deliveryKeyOf(j), claimToken).catch(() => {})));
        throw err;
      }
      failingSince = null;
      const at = now();
      const keys = claimed.map(deliveryKeyOf);
      await guard.markSent(keys, account.id).catch((err) => o.log.warn({ jobId: job.id, err: (err as Error).message }, 'cannot mark a message sent in Redis; the SQLite record decides'));
      const digest = claimed.length > 1 ? key : undefined;
      claimed.forEach((j, i) => {
        const jd = j.data as OutboundJob;
        o.reporter.report({
          jobId: deliveryKeyOf(j),
          outcome: 'sent',
          bot: account.id,
          at,
          ...(jd.failover ? { failover: true } : {}),
          ...(digest ? { digestOf: digest } : {}),
          ...(o.transcribe && i === 0 ? { transcript: { room: 'room' in out ? out.room : null, to: 'to' in out ? out.to.name : null, text: out.text, messageId: `bot-${key}` } } : {}),
        });
      });
      if (claimed.length > 1) o.log.info({ jobId: job.id, folded: claimed.length, chat: 'room' in data ? 'room' : 'private' }, 'routine notices sent as one digest');
      for (const j of claimed.slice(1)) await j.remove().catch(() => {});
    },
  };
}

/**
 * The account's heartbeat: every second its health goes to Redis (core's account monitor reads
 * it), and a sandbox command (log out / in) is taken.
 */
export function startHeartbeat(o: { account: { id: string }; redis: Redis; prefix: string; loggedIn: () => boolean; failing: () => boolean; command?: (c: string) => void; everyMs?: number; log: Log }): () => void {
  let busy = false;
  const beat = async () => {
    if (busy) return;
    busy = true;
    try {
      await writeBeat(o.redis, o.prefix, o.account.id, { loggedIn: o.loggedIn(), failing: o.failing(), pid: process.pid, host: hostname() });
      const c = await takeCommand(o.redis, o.prefix, o.account.id);
      if (c) o.command?.(c);
    } catch (err) {
      o.log.debug({ err: (err as Error).message }, 'heartbeat not written (Redis away)');
    } finally {
      busy = false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), o.everyMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
