/**
 * The sandbox with several bot accounts (issue 17). Each account of this process has its own
 * mock WeChat (one puppet per account, as in real life), with the rooms it is a member of (the
 * rooms it serves or backs up). A member's message in a room reaches the account that serves
 * the room now (its own, or the backup while its own is logged out), as a room with two bot
 * accounts would be heard by the one core listens to. Accounts whose gateway runs in another
 * process are driven through Redis (log out / in) and their messages reach the transcript
 * through the delivery reports. One transcript (SQLite) holds everything, each bot message
 * naming its account (`bot`).
 */
import type { AccountRouting } from '../domain/accounts.js';
import type { OrgIndex } from '../domain/org.js';
import type { Log } from '../log.js';
import type { Db } from '../store/db.js';
import { bindMember, unbindMember } from '../store/org.js';
import { transcriptAfter, type TranscriptEntry } from '../store/transcript.js';
import type { FaultChange, SayInput } from '../wire/sandbox.js';
import { createSandbox, SandboxInputError, sandboxBotContactId, sandboxContactId, type Sandbox, type SandboxFaults, type SandboxWorld } from './sandbox.js';

export interface SandboxAccount {
  id: string;
  name: string;
}

/** An account whose gateway runs elsewhere: its state as core's monitor sees it, and a way to log it out. */
export interface RemoteAccounts {
  loggedIn(id: string): boolean | null;
  failedOver(id: string): boolean;
  command(id: string, c: 'logout' | 'login'): Promise<void>;
}

/** The sandbox of every account: what the HTTP API and the tests use. */
export interface Sandboxes {
  /** The sandbox of a local account (its puppet for the gateway). */
  of(id: string): Sandbox | undefined;
  /** The first local account's sandbox (the single account of a profile without `bots`). */
  first(): Sandbox | null;
  /** `bots` (each account, logged in or not) is added when the profile has several. */
  world(): SandboxWorld & { bots?: { id: string; name: string; loggedIn: boolean | null; failedOver: boolean }[] };
  say(input: SayInput): number;
  messagesAfter(seq: number): TranscriptEntry[];
  onMessage(listener: (entry: TranscriptEntry) => void): () => void;
  faults(): SandboxFaults & { bots?: { id: string; name: string; loggedIn: boolean | null; failedOver: boolean }[] };
  setFaults(change: FaultChange & { bot?: string | undefined }): unknown;
  login(bot?: string): Promise<void> | void;
  logout(bot?: string): Promise<void>;
}

export interface SandboxesOptions {
  org: OrgIndex;
  accounts: readonly SandboxAccount[];
  /** Accounts whose gateway runs in this process. */
  local: ReadonlySet<string>;
  routing: AccountRouting;
  db: Db;
  log: Log;
  now: () => number;
  unbound?: readonly string[];
  remote?: RemoteAccounts;
  /** More than one account in the profile (otherwise the single account keeps its historical contact id). */
  multi: boolean;
}

export function createSandboxes(o: SandboxesOptions): Sandboxes {
  const roomsOf = (id: string) => (topic: string) => {
    const r = o.routing.room(topic);
    return r.primary === id || r.backup === id;
  };
  const local = new Map<string, Sandbox>();
  for (const a of o.accounts) {
    if (!o.local.has(a.id)) continue;
    local.set(a.id, createSandbox(o.org, a.name, o.db, o.log.child({ bot: a.id }), o.now, { unbound: o.unbound ?? [], account: { id: a.id, contactId: sandboxBotContactId(o.multi ? a.id : null), inRoom: o.multi ? roomsOf(a.id) : undefined } }));
  }
  const firstLocal = local.values().next().value ?? null;
  if (!firstLocal) {
    // Every member is bound in the sandbox, also when all accounts run in other processes.
    const unbound = new Set(o.unbound ?? []);
    for (const m of o.org.org.members) if (!unbound.has(m.name)) bindMember(o.db, m.name, sandboxContactId(m.name), 'sandbox', o.now());
    for (const name of unbound) unbindMember(o.db, name, 'sandbox', o.now());
  }
  const listeners = new Set<(e: TranscriptEntry) => void>();
  for (const sb of local.values()) sb.onMessage((e) => listeners.forEach((l) => l(e)));
  // A core without local accounts hears of remote bot messages only by reading the transcript.
  const loggedIn = (id: string): boolean | null => local.get(id)?.faults().loggedIn ?? o.remote?.loggedIn(id) ?? null;
  const botsOf = () => o.accounts.map((a) => ({ id: a.id, name: a.name, loggedIn: loggedIn(a.id), failedOver: o.remote?.failedOver(a.id) ?? false }));

  /** The local sandbox that hears this chat now: its own account, else the backup while its own is logged out. */
  function hearing(input: SayInput): Sandbox {
    const r = input.room !== undefined ? o.routing.room(input.room) : o.routing.member(input.from, null);
    for (const id of [r.primary, r.backup]) {
      const sb = id ? local.get(id) : undefined;
      if (sb && (sb.faults().loggedIn || id === r.backup || !r.backup)) return sb;
    }
    if (firstLocal && !o.multi) return firstLocal;
    throw new SandboxInputError(input.room !== undefined ? 'room' : 'to', 'the bot account of this chat runs in another process: talk to it there');
  }

  const target = (bot: string | undefined) => {
    const id = bot ?? o.accounts[0]!.id;
    if (!o.accounts.some((a) => a.id === id)) throw new SandboxInputError('bot', `unknown bot account "${id}" (bots: ${o.accounts.map((a) => a.id).join(', ')})`);
    return id;
  };

  return {
    of: (id) => local.get(id),
    first: () => firstLocal,
    world: () => {
      const base = firstLocal?.world() ?? { bot: o.accounts[0]!.name, rooms: [], members: [] };
      if (!firstLocal) {
        base.rooms = o.org.org.rooms.map((r) => ({ topic: r.topic, purpose: r.purpose, unit: r.unit, members: o.org.roomMembers(r).map((m) => m.name) }));
        base.members = o.org.org.members.map((m) => ({ name: m.name, role: m.role, unit: m.unit, unitName: o.org.unit(m.unit)?.name ?? m.unit }));
      }
      return o.multi ? { ...base, bots: botsOf() } : base;
    },
    say: (input) => hearing(input).say(input),
    messagesAfter: (seq) => transcriptAfter(o.db, seq),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    faults: () => {
      const f = firstLocal?.faults() ?? { loggedIn: loggedIn(o.accounts[0]!.id) ?? false, failSends: 0, sendDelayMs: 0, failedSends: 0 };
      return o.multi ? { ...f, bots: botsOf() } : f;
    },
    setFaults(change) {
      const { bot, ...rest } = change;
      const sb = local.get(target(bot));
      if (!sb) throw new SandboxInputError('bot', 'send faults can be set only for an account of this process');
      return sb.setFaults(rest);
    },
    async login(bot) {
      const id = target(bot);
      const sb = local.get(id);
      if (sb) sb.login();
      else await o.remote?.command(id, 'login');
    },
    async logout(bot) {
      const id = target(bot);
      const sb = local.get(id);
      if (sb) await sb.logout();
      else await o.remote?.command(id, 'logout');
    },
  };
}
