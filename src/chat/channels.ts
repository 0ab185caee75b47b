/**
 * Gateways by channel (issue 17): every bot account of the profile names a `channel`
 * (`wechaty` | `wecom` | `dingtalk`), and its gateway is built by that channel's factory. A
 * gateway is thin and stateless wherever it runs: it consumes `outbound-<accountId>`, produces
 * `inbound` jobs, writes its heartbeat to Redis and reports deliveries (core's outbox in core's
 * process, the `deliveries` queue elsewhere).
 *
 * A channel adapter plugs in with `registerChannel('wecom', (ctx) => …)`. The simplest adapter
 * only says how to send and whether it is connected, and lets `createChannelWorker` do the rest
 * (budgets, once-only claims, digests, reports, heartbeat — the same as Wechaty's):
 *
 * ```ts
 * registerChannel('wecom', (ctx) => {
 *   const robot = connectWecom(…)
 *   const worker = createChannelWorker(ctx, { send: (out) => robot.say(out), loggedIn: () => robot.ready })
 *   return { account: ctx.account, start: async () => { await robot.start(); await worker.start() }, stop: async () => { await worker.stop(); await robot.stop() }, loggedIn: () => robot.ready }
 * })
 * ```
 * Inbound messages become `inbound` jobs with `botId = ctx.account.id` (see gateway.ts).
 */
import { Queue, Worker, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChatOut } from '../domain/messages.js';
import type { Log } from '../log.js';
import type { BotAccount, Channel } from '../profile-bots.js';
import { outboundQueue } from '../wire/names.js';
import { reclaimActive } from '../wire/reclaim.js';
import type { RedisErrorReport } from '../wire/redis-outage.js';
import { createGateway, type Gateway } from './gateway.js';
import { createSendControl, deliveryKeyOf, startHeartbeat, type DeliveryReporter, type OutboundJob } from './send-control.js';
import { closeBounded, SEND_CLOSE_MS } from '../wire/close.js';

/** What every channel's gateway gets. */
export interface ChannelContext {
  account: BotAccount;
  connection: Redis;
  prefix: string;
  log: Log;
  now: () => number;
  reporter: DeliveryReporter;
  redisError: RedisErrorReport;
  /** Wechaty: a puppet instance (the sandbox's mock) or a puppet module name, and its token. */
  puppet: unknown;
  puppetToken: string | null;
  /** The sandbox's controls of this account (mock puppets only). */
  sandbox: { login(): void; logout(): Promise<void> } | null;
  /** Attach what was said to delivery reports (a sandbox gateway whose transcript is in another process). */
  transcribe: boolean;
}

/** A running account, whatever its channel. */
export interface ChannelGateway {
  readonly account: BotAccount;
  start(): Promise<void>;
  stop(): Promise<void>;
  loggedIn(): boolean;
  /** The Wechaty gateway (channel `wechaty` only). */
  readonly wechaty?: Gateway;
}

export type ChannelFactory = (ctx: ChannelContext) => ChannelGateway;

/** A channel named in a profile whose adapter this build does not have. */
export class ChannelUnavailableError extends Error {
  constructor(readonly channel: string, account: string) {
    super(`bots: account "${account}" uses channel "${channel}", which this build cannot start (available: ${[...factories.keys()].join(', ')})`);
    this.name = 'ChannelUnavailableError';
  }
}

const factories = new Map<Channel, ChannelFactory>();

/** Makes a channel available to `createChannelGateway` (adapters call it once, at import). */
export function registerChannel(channel: Channel, factory: ChannelFactory): void {
  factories.set(channel, factory);
}

registerChannel('wechaty', (ctx) => {
  const g = createGateway({
    botId: ctx.account.id,
    botName: ctx.account.name,
    puppet: ctx.puppet,
    puppetToken: ctx.puppetToken,
    connection: ctx.connection,
    prefix: ctx.prefix,
    sendIntervalMs: ctx.account.sendIntervalMs,
    budget: ctx.account,
    log: ctx.log,
    now: ctx.now,
    reporter: ctx.reporter,
    redisError: ctx.redisError,
    transcribe: ctx.transcribe,
  });
  return { account: ctx.account, wechaty: g, start: () => g.start(ctx.sandbox), stop: () => g.stop(), loggedIn: () => g.loggedIn() };
});

/** The gateway of an account, built by its channel's factory. */
export function createChannelGateway(ctx: ChannelContext): ChannelGateway {
  const factory = factories.get(ctx.account.channel);
  if (!factory) throw new ChannelUnavailableError(ctx.account.channel, ctx.account.id);
  return factory(ctx);
}

/**
 * The outbound side of a channel that only knows how to send: one worker on
 * `outbound-<accountId>` (serialized, urgent first, retried with capped backoff, waiting while
 * not connected), with the budgets, claims, digests and reports of src/chat/send-control.ts,
 * and the account's heartbeat.
 */
export function createChannelWorker(ctx: ChannelContext, channel: { send(out: ChatOut): Promise<void>; loggedIn(): boolean }) {
  const log = ctx.log.child({ module: 'chat.channel', botId: ctx.account.id, channel: ctx.account.channel });
  let worker: Worker | null = null;
  let queue: Queue | null = null;
  let stopBeat: (() => void) | null = null;
  return {
    async start() {
      queue = new Queue(outboundQueue(ctx.account.id), { connection: ctx.connection, prefix: ctx.prefix });
      queue.on('error', (err) => ctx.redisError('chat.channel', err));
      const control = createSendControl({ account: ctx.account, redis: ctx.connection, prefix: ctx.prefix, queue, reporter: ctx.reporter, log, now: ctx.now, transcribe: ctx.transcribe });
      worker = new Worker(
        outboundQueue(ctx.account.id),
        async (job: Job, token?: string) => {
          if (!channel.loggedIn()) {
            await worker!.rateLimit(1000);
            throw Worker.RateLimitError();
          }
          await control.run(job, token, worker!, (out) => channel.send(out));
          if (ctx.account.sendIntervalMs > 0) await new Promise((r) => setTimeout(r, ctx.account.sendIntervalMs));
        },
        { connection: ctx.connection, prefix: ctx.prefix, concurrency: 1, autorun: false, settings: { backoffStrategy: (n: number) => Math.min(60_000, 500 * 2 ** Math.min(n, 10)) } },
      );
      worker.on('failed', (job, err) => {
        if (!job || !(err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1))) return;
        ctx.reporter.report({ jobId: deliveryKeyOf(job), outcome: 'failed', bot: ctx.account.id, at: ctx.now(), reason: err.message, ...((job.data as OutboundJob).failover ? { failover: true } : {}) });
      });
      worker.on('error', (err) => ctx.redisError('chat.channel', err));
      await reclaimActive(queue, log);
      void worker.run();
      stopBeat = startHeartbeat({ account: ctx.account, redis: ctx.connection, prefix: ctx.prefix, loggedIn: channel.loggedIn, failing: control.failing, log });
    },
    async stop() {
      stopBeat?.();
      await closeBounded(worker, SEND_CLOSE_MS);
      await ctx.reporter.close();
      await closeBounded(queue);
    },
  };
}
