/**
 * The bot gateway: one Wechaty instance (one WeChat account), thin and stateless.
 * Every message it sees becomes an `inbound` job; every `outbound-<botId>` job becomes a
 * message, serialized with the profile's send interval plus jitter, urgent first, retried
 * with backoff, paused while logged out (NOTES.md "Bans are real").
 */
import { DelayedError, Queue, RateLimitError, Worker, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, WechatyBuilder, type Wechaty, types as wtypes } from 'wechaty';
import type { Contact, Message, Room } from 'wechaty';
import { FileBox } from 'file-box';
import type { ChatIn, ChatOut, Recipient } from '../domain/messages.js';
import { createPictureRenderer, type PictureRenderer } from '../pictures/render.js';
import type { Log } from '../log.js';
import { INBOUND_QUEUE, jobIds, outboundQueue } from '../wire/names.js';
import { reclaimActive } from '../wire/reclaim.js';
import { logRedisErrors, type RedisErrorReport } from '../wire/redis-outage.js';
import type { BotAccount } from '../profile-bots.js';
import { createSendControl, deliveryKeyOf, startHeartbeat, type DeliveryReporter, type OutboundJob, type SendControl } from './send-control.js';
import { closeBounded, SEND_CLOSE_MS } from '../wire/close.js';

export interface GatewayOptions {
  botId: string;
  botName: string;
  /** A puppet instance (the sandbox's mock) or a puppet module name. */
  puppet: unknown;
  puppetToken: string | null;
  connection: Redis;
  prefix: string;
  sendIntervalMs: number;
  log: Log;
  /**
   * Where delivery records go (core's outbox in this process, or the `deliveries` queue from
   * another machine): sent, or given up when it can never be sent (no more retries).
   */
  reporter: DeliveryReporter;
  /** The account's send budget (issue 17); default: none beyond `sendIntervalMs`. */
  budget?: Pick<BotAccount, 'perMinute' | 'roomEveryMs'>;
  /** Attach what was said to delivery reports (a sandbox gateway in another process than core). */
  transcribe?: boolean;
  now?: () => number;
  /** Where the Redis clients' error events go (the service's outage tracker). */
  redisError?: RedisErrorReport;
  /** Renders report pictures (issue 19); default: ECharts + resvg in this process; null: text only. */
  renderPicture?: PictureRenderer | null;
}

export interface Gateway {
  bot: Wechaty;
  /** Starts Wechaty and the send worker; with the sandbox, logs the mock bot in and waits for it. */
  start(sandbox?: { login(): void; logout?(): Promise<void> } | null): Promise<void>;
  stop(): Promise<void>;
  loggedIn(): boolean;
}

/** WeChat's throttling answer; we back off the whole account, never drop the message. */
const THROTTLED = /操作过于频繁|too frequent|rate.?limit/i;
const THROTTLE_BACKOFF_MS = 60_000;
/** How long a send waits for the bot to log in again before it is retried later. */
const LOGIN_WAIT_MS = 20_000;
/** Ids already seen, for replays within this process (the store keeps a unique index too). */
const SEEN_LIMIT = 5000;

export function createGateway(o: GatewayOptions): Gateway {
  const now = o.now ?? Date.now;
  const log = o.log.child({ module: 'chat.gateway', botId: o.botId });
  const renderPicture = o.renderPicture === undefined ? createPictureRenderer(log) : o.renderPicture;
  const bot = WechatyBuilder.build({
    name: `gridguard-${o.botId}`,
    puppet: o.puppet as never,
    ...(o.puppetToken ? { puppetOptions: { token: o.puppetToken } } : {}),
  });
  const redisError = o.redisError ?? logRedisErrors(log);
  const inbound = new Queue(INBOUND_QUEUE, { connection: o.connection, prefix: o.prefix });
  inbound.on('error', (err) => redisError('chat.gateway', err));
  // A normal stop logs the bot out: that is no incident to warn about.
  let stopping = false;
  let worker: Worker | null = null;
  let startedAt = now();
  const seen = new Set<string>();
  let outbound: Queue | null = null;
  let control: SendControl | null = null;
  let stopBeat: (() => void) | null = null;

  bot.on('scan', (qrcode, status) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      log.info({ status: ScanStatus[status] }, 'scan this QR code with the WeChat app of the bot account');
      qrcodeTerminal.generate(qrcode, { small: true });
    }
  });
  bot.on('login', (user) => {
    log.info({ user: user.id }, 'bot logged in');
    worker?.resume();
  });
  bot.on('logout', (user) => {
    if (stopping) log.info({ user: user.id }, 'bot logged out (the service stops)');
    else log.warn({ user: user.id }, 'bot logged out; outbound messages wait until the next login');
    void worker?.pause(true);
  });
  bot.on('error', (err) => log.error({ err }, 'wechaty error'));
  bot.on('message', (msg) => {
    toChatIn(msg)
      .then(async (chat) => {
        if (!chat) return;
        await inbound.add('message', chat, { jobId: jobIds.inbound(o.botId, chat.messageId), removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 }, attempts: 10, backoff: { type: 'exponential', delay: 500 } });
      })
      .catch((err) => log.error({ err, messageId: msg.id }, 'cannot take in a message'));
  });

  /** Plain data from a Wechaty message; null for our own, stale, repeated or unsupported ones. */
  async function toChatIn(msg: Message): Promise<ChatIn | null> {
    if (msg.self()) return null;
    if (seen.has(msg.id)) return null;
    seen.add(msg.id);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    // Puppets may replay history after a restart; second-resolution timestamps get 2 s of grace.
    if (msg.date().getTime() < startedAt - 2000) {
      log.debug({ messageId: msg.id }, 'dropped a message older than start-up');
      return null;
    }
    const talker = msg.talker();
    const room = msg.room();
    const type = msg.type() === wtypes.Message.Text ? 'text' : msg.type() === wtypes.Message.Image ? 'image' : 'other';
    return {
      messageId: msg.id,
      botId: o.botId,
      from: { wechatId: talker.id, name: talker.name() },
      room: room ? { wechatId: room.id, topic: await room.topic() } : null,
      text: type === 'text' ? msg.text() : '',
      mentionSelf: room ? await msg.mentionSelf() : false,
      type,
      at: msg.date().getTime(),
    };
  }

  /** A room member to @-mention: by bound id, else by name inside that room (the group sees it anyway). */
  async function mentionOf(r: Recipient, room: Room): Promise<Contact | undefined> {
    if (r.wechatId) {
      const c = await bot.Contact.find({ id: r.wechatId });
      if (c) return c;
    }
    return (await room.member({ name: r.name })) ?? undefined;
  }

  async function send(out: ChatOut): Promise<void> {
    if ('room' in out) {
      const room = await bot.Room.find({ topic: out.room });
      if (!room) throw new Error(`room not found: ${out.room}`);
      const mentions = (await Promise.all(out.mentions.map((m) => mentionOf(m, room)))).filter((c): c is Contact => !!c);
      await room.say(out.text, ...mentions);
      await sayPicture(out, room);
    } else {
      // DESIGN "Privacy": a private message goes only to a bound identity, never to whoever
      // carries the same display name.
      if (!out.to.wechatId) throw new UnrecoverableError('private message to a member who is not bound');
      const contact = await bot.Contact.find({ id: out.to.wechatId });
      if (!contact) throw new UnrecoverableError('bound contact not found');
      await contact.say(out.text);
      await sayPicture(out, contact);
    }
  }

  /**
   * A report's picture right after its text (issue 19). It never fails the send: the text is out
   * already, and a retry would post it twice.
   */
  async function sayPicture(out: ChatOut, where: Room | Contact): Promise<void> {
    if (!out.picture || !renderPicture) return;
    try {
      const image = await renderPicture(out.picture);
      if (image) await where.say(FileBox.fromBase64(image.png.toString('base64'), image.name));
    } catch (err) {
      log.warn({ kind: out.picture.kind, err: (err as Error).message }, 'report picture not sent; its text was');
    }
  }

  const jitterMax = Math.min(1000, o.sendIntervalMs);

  /** Resolves when the bot is logged in, or false after `ms`. */
  function loggedInWithin(ms: number): Promise<boolean> {
    if (bot.isLoggedIn) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        bot.off('login', onLogin);
        resolve(ok);
      };
      const onLogin = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      bot.on('login', onLogin);
    });
  }

  async function process(job: Job, token?: string): Promise<void> {
    // A paused worker still takes the one job its blocking wait returns: put it back with its
    // priority, so that after the login the most urgent message goes first.
    if (!bot.isLoggedIn) {
      await worker!.rateLimit(500);
      throw Worker.RateLimitError();
    }
    // A job taken just before a logout waits for the next login rather than failing into a
    // backoff that would let later (less urgent) messages overtake it.
    if (!(await loggedInWithin(LOGIN_WAIT_MS))) throw new Error('not logged in');
    try {
      // Budgets, the once-only claim, digests and the delivery report (src/chat/send-control.ts).
      await control!.run(job, token, worker!, send);
    } catch (err) {
      // A budget said wait: the job is back in the queue already (not WeChat's throttling).
      if (err instanceof DelayedError || err instanceof RateLimitError) throw err;
      if (THROTTLED.test(String((err as Error)?.message))) {
        log.warn({ jobId: job.id }, 'WeChat throttled the account; backing off');
        await worker!.rateLimit(THROTTLE_BACKOFF_MS);
        throw Worker.RateLimitError();
      }
      throw err;
    }
    // The account's next send waits the interval plus jitter (concurrency 1 serializes sends):
    // WeChat bans accounts that send in bursts (NOTES.md).
    const pause = o.sendIntervalMs + Math.random() * jitterMax;
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
  }

  return {
    bot,
    loggedIn: () => bot.isLoggedIn,
    async start(sandbox) {
      startedAt = now();
      worker = new Worker(outboundQueue(o.botId), process, {
        connection: o.connection,
        prefix: o.prefix,
        concurrency: 1,
        autorun: false,
        settings: {
          // Capped exponential backoff: keep trying while WeChat is away, never give up quickly.
          backoffStrategy: (attempts: number) => Math.min(60_000, 500 * 2 ** Math.min(attempts, 10)),
        },
      });
      worker.on('completed', (job) => log.debug({ jobId: job.id }, 'message sent'));
      worker.on('failed', (job, err) => {
        if (err.name === 'UnrecoverableError' || (job && job.attemptsMade >= (job.opts.attempts ?? 1))) {
          log.error({ jobId: job?.id, err: err.message }, 'message given up');
          if (job?.id) o.reporter.report({ jobId: deliveryKeyOf(job), outcome: 'failed', bot: o.botId, at: now(), reason: err.message, ...((job.data as OutboundJob).failover ? { failover: true } : {}) });
        } else {
          log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'send failed; will retry');
        }
      });
      worker.on('error', (err) => redisError('chat.gateway', err));
      await bot.start();
      outbound = new Queue(outboundQueue(o.botId), { connection: o.connection, prefix: o.prefix });
      outbound.on('error', (err) => redisError('chat.gateway', err));
      control = createSendControl({ account: { id: o.botId, perMinute: o.budget?.perMinute ?? null, roomEveryMs: o.budget?.roomEveryMs ?? 0 }, redis: o.connection, prefix: o.prefix, queue: outbound, reporter: o.reporter, log, now, transcribe: o.transcribe ?? false });
      await reclaimActive(outbound, log);
      void worker.run();
      // Health for core's account monitor; the sandbox's fault drill may log this account out from any process.
      stopBeat = startHeartbeat({
        account: { id: o.botId },
        redis: o.connection,
        prefix: o.prefix,
        loggedIn: () => bot.isLoggedIn,
        failing: () => control?.failing() ?? false,
        command: (c) => (c === 'logout' ? void sandbox?.logout?.() : c === 'login' ? sandbox?.login() : undefined),
        log,
      });
      if (sandbox) {
        const loggedIn = new Promise<void>((res) => bot.once('login', () => res()));
        sandbox.login();
        await loggedIn;
      }
    },
    async stop() {
      stopping = true;
      stopBeat?.();
      // A send under way finishes (its chat's interval included) unless it takes longer than this.
      await closeBounded(worker, SEND_CLOSE_MS);
      await o.reporter.close();
      await bot.stop();
      await closeBounded(inbound);
      await closeBounded(outbound);
    },
  };
}
