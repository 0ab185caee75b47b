/**
 * Core's view of its bot accounts (issue 17): which account carries each outbound message,
 * which accounts are down (from the heartbeats gateways write to Redis, timed by core's own
 * clock), and the failover: when an account has been logged out, gone or failing for its
 * `failoverAfter`, urgent and high messages of its rooms (and replies to people) are copied to the room's backup
 * account. The copy's job id is `<jobId>-via-<backup>`; whichever of the two sends first
 * claims the message in Redis, so the other never sends it, and core records it delivered once.
 * Routine messages wait for their own account.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { OutboxRow } from '../core/index.js';
import { failsOver, type AccountRouting } from '../domain/accounts.js';
import type { ChatIn, ChatOut } from '../domain/messages.js';
import { PRIORITY } from '../domain/types.js';
import type { Log } from '../log.js';
import type { BotAccount } from '../profile-bots.js';
import { readBeat } from '../wire/accounts.js';
import { jobIds, outboundQueue } from '../wire/names.js';

export interface AccountState {
  id: string;
  name: string;
  /** Heartbeats arrive, it is logged in and its sends succeed. */
  up: boolean;
  loggedIn: boolean | null;
  /** Core's clock: since when it is down (null while up). */
  downSince: number | null;
  /** Down longer than its `failoverAfter`: its rooms' urgent and high messages go through their backup. */
  failedOver: boolean;
}

/** Where a row goes: its account's queue, and a backup account's queue for a copy (failover). */
export interface Placement {
  queue: string;
  copy: { queue: string; jobId: string; bot: string } | null;
}

export interface Accounts {
  states(): AccountState[];
  state(id: string): AccountState | undefined;
  /** Places rows on their accounts' queues (and a backup's, during a failover). */
  place(rows: OutboxRow[]): Placement[];
  /** A room message seen by an account that does not serve that room now is someone else's to handle. */
  accepts(msg: ChatIn): boolean;
  /** Reads heartbeats once (also every `checkEveryMs` once started). */
  check(): Promise<void>;
  start(): void;
  stop(): void;
}

export interface AccountsOptions {
  accounts: readonly BotAccount[];
  routing: AccountRouting;
  redis: Redis;
  prefix: string;
  queueFor: (name: string) => Queue;
  outbox: { undeliveredUpTo(maxPriority: number): OutboxRow[]; boundVia(names: string[]): Map<string, string> };
  log: Log;
  now?: () => number;
  checkEveryMs?: number;
  /** No heartbeat for this long: the gateway is gone. */
  staleAfterMs?: number;
  /** Told when an account fails over or comes back (the watchdog, metrics). */
  changed?: (s: AccountState) => void;
}

export function createAccounts(o: AccountsOptions): Accounts {
  const now = o.now ?? Date.now;
  const log = o.log.child({ module: 'queues.accounts' });
  const staleAfter = o.staleAfterMs ?? 3500;
  const startedAt = now();
  const tracked = new Map(
    o.accounts.map((a) => [a.id, { account: a, lastBeat: -1, lastBeatAt: null as number | null, state: { id: a.id, name: a.name, up: true, loggedIn: null, downSince: null, failedOver: false } as AccountState }]),
  );
  const failedOver = (id: string) => tracked.get(id)?.state.failedOver ?? false;
  const up = (id: string) => tracked.get(id)?.state.up ?? false;

  function place(rows: OutboxRow[]): Placement[] {
    const names = rows.flatMap((r) => ('to' in r.payload ? [(r.payload as { to: { name: string } }).to.name] : []));
    const via = names.length ? o.outbox.boundVia(names) : new Map<string, string>();
    return rows.map((r) => {
      const out = r.payload as unknown as ChatOut;
      const route = o.routing.of(out, 'to' in out ? (via.get(out.to.name) ?? null) : null);
      // A backup that is down too gets the copy all the same: it waits there, and whichever account comes back first sends it.
      const copy = route.backup && failsOver(r.priority) && failedOver(route.primary) ? { queue: outboundQueue(route.backup), jobId: jobIds.failover(r.jobId, route.backup), bot: route.backup } : null;
      return { queue: outboundQueue(route.primary), copy };
    });
  }

  /** Copy job ids added by this process (a copy added twice is one job anyway). */
  const copiedIds = new Set<string>();
  /**
   * Copies the down account's undelivered urgent and high messages to their backups: when it
   * fails over, and on every check while it stays failed over (rows relayed to it just before).
   */
  async function failover(id: string): Promise<number> {
    const rows = o.outbox.undeliveredUpTo(PRIORITY.reply);
    const placed = place(rows);
    let copied = 0;
    for (const [i, p] of placed.entries()) {
      const r = rows[i]!;
      if (!p.copy || p.queue !== outboundQueue(id) || copiedIds.has(p.copy.jobId)) continue;
      await o.queueFor(p.copy.queue).add('message', { ...r.payload, outboxId: r.id, deliveryKey: r.jobId, failover: true }, { jobId: p.copy.jobId, priority: r.priority });
      copiedIds.add(p.copy.jobId);
      copied++;
    }
    if (copiedIds.size > 10_000) copiedIds.clear();
    return copied;
  }

  async function check(): Promise<void> {
    const t = now();
    for (const tr of tracked.values()) {
      const beat = await readBeat(o.redis, o.prefix, tr.account.id);
      if (beat && beat.beat !== tr.lastBeat) {
        tr.lastBeat = beat.beat;
        tr.lastBeatAt = t;
      }
      const gone = t - (tr.lastBeatAt ?? startedAt) > staleAfter;
      const isDown = gone || !beat?.loggedIn || beat.failing;
      const s = tr.state;
      const was = { up: s.up, failedOver: s.failedOver };
      s.loggedIn = beat ? beat.loggedIn : null;
      if (isDown && s.downSince === null) s.downSince = gone ? (tr.lastBeatAt ?? startedAt) : t;
      if (!isDown) s.downSince = null;
      s.up = !isDown;
      s.failedOver = s.downSince !== null && t - s.downSince >= tr.account.failoverAfterMs;
      if (was.up !== s.up) {
        if (s.up) log.info({ bot: s.id }, 'account is up');
        // Before its first login an account is starting, not lost (its failoverAfter still runs).
        else if (tr.lastBeat <= 1) log.debug({ bot: s.id }, 'account is not logged in yet');
        else log.warn({ bot: s.id, why: gone ? 'no heartbeat' : !beat?.loggedIn ? 'logged out' : 'sends fail' }, 'account is down');
      }
      if (was.failedOver !== s.failedOver) {
        if (s.failedOver) log.warn({ bot: s.id, copied: await failover(s.id) }, 'account down: its urgent and high messages go through the backup accounts');
        else log.info({ bot: s.id }, 'account is back: its own messages go through it again');
        o.changed?.({ ...s });
      } else if (s.failedOver) {
        const copied = await failover(s.id);
        if (copied) log.info({ bot: s.id, copied }, 'more urgent messages of a down account go through the backup');
      }
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = check()
      .catch((err) => log.debug({ err: (err as Error).message }, 'account check skipped'))
      .finally(() => {
        running = null;
      });
  };
  return {
    states: () => [...tracked.values()].map((t) => ({ ...t.state })),
    state: (id) => (tracked.has(id) ? { ...tracked.get(id)!.state } : undefined),
    place,
    accepts(msg) {
      if (!msg.room || o.accounts.length < 2) return true;
      const r = o.routing.room(msg.room.topic);
      if (msg.botId === r.primary) return true;
      // The backup hears the room too: it speaks for it only while the room's own account is down.
      return msg.botId === r.backup && !up(r.primary);
    },
    check,
    start() {
      tick();
      timer = setInterval(tick, o.checkEveryMs ?? 1000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
