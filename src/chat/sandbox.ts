/**
 * The sandbox: the profile's org as a mock WeChat world (wechaty-puppet-mock). Every member
 * is a mock contact, already bound; every room a mock room with the members of
 * DESIGN.md's rule. For training, a stranger (a contact not on the roster) can practise
 * `绑定`: members the profile marks `sandboxUnbound` get no mock contact and are unbound at
 * every start, so their bind code works for the stranger. Everything said in it is kept in the SQLite transcript, and anyone can
 * speak as any member through `say` (the `/sandbox` API and page). Operators rehearse faults
 * here too: the bot logged out, sends that fail or crawl (`faults`, `setFaults`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { FileBox } from 'file-box';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { OrgIndex } from '../domain/org.js';
import { formatQuote } from '../domain/text.js';
import type { Log } from '../log.js';
import type { Db } from '../store/db.js';
import { bindMember, unbindMember } from '../store/org.js';
import { forgetStaleSandboxImages, keepSandboxImage } from '../store/sandbox-images.js';
import { appendTranscript, transcriptAfter, transcriptEntry, type TranscriptEntry } from '../store/transcript.js';
import type { FaultChange, SayInput } from '../wire/sandbox.js';

export type { FaultChange, SayInput } from '../wire/sandbox.js';

/** A 1×1 PNG: what a photo looks like to the bot in the sandbox. */
const PHOTO_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A sandbox request that cannot be carried out; `field` names the bad input. */
export class SandboxInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxInputError';
  }
}

export interface SandboxWorld {
  bot: string;
  rooms: { topic: string; purpose: string; unit: string; members: string[] }[];
  members: { name: string; role: string; unit: string; unitName: string }[];
}

/**
 * Faults an operator (or a test) injects into the sandbox's WeChat. They live in this process
 * only: a restart starts with none.
 */
export interface SandboxFaults {
  /** Whether the bot is logged in to the mock WeChat (sends throw `not logged in` while not). */
  loggedIn: boolean;
  /** How many of the bot's next sends fail, or `'all'` until cleared with 0. */
  failSends: number | 'all';
  /** How long each of the bot's sends takes before it reaches WeChat (a slow connection), ms. */
  sendDelayMs: number;
  /** Sends failed on purpose since start-up. */
  failedSends: number;
}


/** The error an injected send failure throws (not WeChat's throttling answer: a plain retry). */
export class InjectedSendError extends Error {
  constructor() {
    super('sandbox: send failed on purpose (POST /sandbox/faults)');
    this.name = 'InjectedSendError';
  }
}

export interface Sandbox {
  puppet: PuppetMock;
  /** Logs the bot in (after Wechaty started); does nothing when it is logged in. */
  login(): void;
  /** Logs the bot out: its sends throw until the next `login` (messages wait in the queue). */
  logout(): Promise<void>;
  faults(): SandboxFaults;
  /** Changes the send faults; `failSends: 0` and `sendDelayMs: 0` clear them. */
  setFaults(change: FaultChange): SandboxFaults;
  say(input: SayInput): number;
  world(): SandboxWorld;
  /** The transcript after `seq` (at most 1000 messages), oldest first. */
  messagesAfter(seq: number): TranscriptEntry[];
  /** Calls `listener` with every message recorded from now on; returns the unsubscribe. */
  onMessage(listener: (entry: TranscriptEntry) => void): () => void;
  /** Messages the mock puppet still holds in memory (bounded by `cacheLimit`). */
  cachedMessages(): number;
  /** Changes how many message payloads the mock keeps (tests shrink it). */
  limitCache(messages: number): void;
}

/**
 * The mock puppet keeps every message payload in a Map for ever; the transcript lives in
 * SQLite, so only the newest are kept (Wechaty reads a payload right after the event).
 */
const MOCK_MESSAGE_CACHE = 2000;

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 12);
export const sandboxContactId = (name: string) => `wxid_${hash(`member:${name}`)}`;
export const sandboxRoomId = (topic: string) => `${hash(`room:${topic}`)}@chatroom`;
export const SANDBOX_BOT_ID = 'wxid_gridguard_bot';
/** The sandbox's identity that is on no roster, to practise `绑定` (role `stranger` in the world). */
export const SANDBOX_STRANGER = '陌生人';
export const SANDBOX_STRANGER_ID = 'wxid_gridguard_stranger';

export interface SandboxOptions {
  /** Roster entries left unbound at every start (the profile's `sandboxUnbound` members). */
  unbound?: readonly string[];
  /**
   * One of several bot accounts (issue 17): its id (the transcript's `bot`), its contact id,
   * and the rooms it is a member of (default all).
   */
  account?: { id: string; contactId: string; inRoom?: (topic: string) => boolean };
}

/** The mock contact id of a bot account (the single account keeps the historical id). */
export const sandboxBotContactId = (accountId: string | null) => (accountId ? `wxid_gridguard_bot_${accountId}` : SANDBOX_BOT_ID);

export function createSandbox(org: OrgIndex, botName: string, db: Db, log: Log, now: () => number = Date.now, options: SandboxOptions = {}): Sandbox {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botId = options.account?.contactId ?? SANDBOX_BOT_ID;
  const botContact = mocker.createContact({ id: botId, name: botName });
  const unbound = new Set(options.unbound ?? []);
  const present = org.org.members.filter((m) => !unbound.has(m.name));
  const inRoom = (r: (typeof org.org.rooms)[number]) => org.roomMembers(r).filter((m) => !unbound.has(m.name));
  const contacts = new Map(present.map((m) => [m.name, mocker.createContact({ id: sandboxContactId(m.name), name: m.name })]));
  contacts.set(SANDBOX_STRANGER, mocker.createContact({ id: SANDBOX_STRANGER_ID, name: SANDBOX_STRANGER }));
  const names = new Map<string, string>([[botId, botName], [SANDBOX_STRANGER_ID, SANDBOX_STRANGER], ...present.map((m) => [sandboxContactId(m.name), m.name] as [string, string])]);
  const rooms = new Map(
    org.org.rooms.filter((r) => options.account?.inRoom?.(r.topic) ?? true).map((r) => {
      const memberIdList = [botId, ...inRoom(r).map((m) => sandboxContactId(m.name))];
      return [r.topic, mocker.createRoom({ id: sandboxRoomId(r.topic), topic: r.topic, memberIdList, ownerId: botId, adminIdList: [botId] })];
    }),
  );
  const topics = new Map([...rooms].map(([topic, room]) => [room.id, topic]));

  // Every mock member is bound to its roster entry (DESIGN.md: "already bound"); members left
  // for practice are unbound again, whoever bound them last time.
  for (const m of present) bindMember(db, m.name, sandboxContactId(m.name), 'sandbox', now());
  for (const name of unbound) unbindMember(db, name, 'sandbox', now());
  forgetStaleSandboxImages(db);

  // The mock emits synchronously inside say().to(), so the row exists when say() returns.
  let lastSeq = 0;
  const listeners = new Set<(entry: TranscriptEntry) => void>();
  // A member's message is written to the transcript before the bot can see it (say() reserves
  // the row): if SQLite is busy, say() fails and the bot never gets the message, so a retried
  // request is not handled twice. The bot's own messages that cannot be written yet are kept
  // and written as soon as SQLite takes them.
  let reserved: { seq: number } | null = null;
  const unwritten: Parameters<typeof appendTranscript>[1][] = [];
  const write = (m: Parameters<typeof appendTranscript>[1]) => {
    lastSeq = appendTranscript(db, m);
    const entry = { seq: lastSeq, at: new Date(m.at).toISOString(), room: m.room, from: m.from, to: m.to, text: m.text, ...(m.bot ? { bot: m.bot } : {}) };
    for (const l of listeners) l(entry);
  };
  const flushUnwritten = () => {
    try {
      while (unwritten.length) {
        write(unwritten[0]!);
        unwritten.shift();
      }
    } catch {
      // Still busy: the next tick tries again.
    }
  };
  const flushTimer = setInterval(flushUnwritten, 250);
  flushTimer.unref();
  let cacheLimit = MOCK_MESSAGE_CACHE;
  const mockMessages = (mocker as unknown as { cacheMessagePayload: Map<string, unknown> }).cacheMessagePayload;
  const mockFiles = (mocker as unknown as { cacheFileBoxPayload?: Map<string, unknown> }).cacheFileBoxPayload;
  puppet.on('message', ({ messageId }) => {
    setImmediate(() => {
      for (const cache of [mockMessages, mockFiles]) {
        while (cache && cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
      }
    });
    if (reserved) {
      lastSeq = reserved.seq;
      reserved = null;
      return;
    }
    const p = mocker.messagePayload(messageId);
    const room = p.roomId ? (topics.get(p.roomId) ?? null) : null;
    const from = names.get(p.talkerId ?? '') ?? p.talkerId ?? '?';
    const to = p.roomId ? null : (names.get(p.listenerId ?? '') ?? null);
    // The transcript names the account of every bot message (issue 17).
    const bot = options.account && p.talkerId === botId ? options.account.id : null;
    const m = { at: p.timestamp ?? now(), room, from, to, text: p.text ?? '[图片]', messageId, bot };
    unwritten.push(m);
    try {
      flushUnwritten();
    } catch (err) {
      log.error({ err, messageId }, 'cannot record a sandbox message');
    }
  });
  // A picture the bot sends (issue 19: reports as images) is kept beside the database for the
  // page; the handler above wrote its transcript row just now.
  puppet.on('message', ({ messageId }) => {
    const file = mockFiles?.get(messageId) as { base64?: string } | undefined;
    if (!file?.base64) return;
    try {
      keepSandboxImage(db, messageId, Buffer.from(file.base64, 'base64'));
    } catch (err) {
      log.warn({ err: (err as Error).message, messageId }, 'cannot keep a sandbox picture');
    }
  });
  /** Writes a member's message before it is sent (throws SQLITE_BUSY: then nothing is sent). */
  const reserve = (m: Omit<Parameters<typeof appendTranscript>[1], 'messageId'>) => {
    const seq = appendTranscript(db, { ...m, messageId: `sandbox-say-${randomUUID()}` });
    reserved = { seq };
    for (const l of listeners) l({ seq, at: new Date(m.at).toISOString(), room: m.room, from: m.from, to: m.to, text: m.text });
  };

  // Every send of the bot goes through the puppet's messageSend* (NOTES.md: patching
  // messageSendText to throw is how the mock simulates a failed send).
  let failSends: number | 'all' = 0;
  let sendDelayMs = 0;
  let failedSends = 0;
  const injectFaults = <A extends unknown[], R>(send: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (failSends === 'all' || failSends > 0) {
        if (failSends !== 'all') failSends -= 1;
        failedSends += 1;
        log.info({ failedSends, failSendsLeft: failSends }, 'sandbox: a send failed on purpose');
        throw new InjectedSendError();
      }
      if (sendDelayMs > 0) await new Promise((r) => setTimeout(r, sendDelayMs));
      return send(...args);
    };
  puppet.messageSendText = injectFaults(puppet.messageSendText.bind(puppet));
  puppet.messageSendFile = injectFaults(puppet.messageSendFile.bind(puppet));

  const faults = (): SandboxFaults => ({ loggedIn: puppet.isLoggedIn, failSends, sendDelayMs, failedSends });

  return {
    puppet,
    login() {
      if (puppet.isLoggedIn) return;
      log.info('sandbox: the bot logs in');
      mocker.login(botContact);
    },
    async logout() {
      if (!puppet.isLoggedIn) return;
      log.warn('sandbox: the bot is logged out by an operator');
      await puppet.logout('logged out in the sandbox');
    },
    faults,
    setFaults(change) {
      if (change.failSends !== undefined) failSends = change.failSends;
      if (change.sendDelayMs !== undefined) sendDelayMs = change.sendDelayMs;
      log.warn({ failSends, sendDelayMs }, 'sandbox: send faults changed');
      return faults();
    },
    say(input) {
      const speaker = contacts.get(input.from);
      if (!speaker) throw new SandboxInputError('from', `unknown member "${input.from}"`);
      let text: string | FileBox = input.text;
      if (input.image) text = FileBox.fromBase64(PHOTO_BASE64, 'photo.png');
      if (input.quoteSeq !== undefined && !input.image) {
        const quoted: TranscriptEntry | null = transcriptEntry(db, input.quoteSeq);
        if (!quoted) throw new SandboxInputError('quoteSeq', `no message with seq ${input.quoteSeq}`);
        // WeChat quotes only within the same chat: a private record must never be quoted into a group.
        const sameChat = input.room !== undefined ? quoted.room === input.room : quoted.room === null && (quoted.from === input.from || quoted.to === input.from);
        if (!sameChat) throw new SandboxInputError('quoteSeq', `message ${input.quoteSeq} is not in this chat`);
        text = formatQuote(quoted.from, quoted.text, input.text);
      }
      const before = lastSeq;
      if (input.room !== undefined) {
        const room = rooms.get(input.room);
        if (!room) throw new SandboxInputError('room', `unknown room "${input.room}"`);
        const topic = org.org.rooms.find((r) => r.topic === input.room)!;
        if (!inRoom(topic).some((m) => m.name === input.from)) {
          throw new SandboxInputError('from', `"${input.from}" is not a member of "${input.room}"`);
        }
        // @names typed in the text become real mentions, as the WeChat client makes them.
        const mentioned = typeof text === 'string' ? [...text.matchAll(/@([^\s@\u2005]+)/g)].map((m) => m[1]!) : [];
        const mentions = mentioned.flatMap((n) => (n === botName ? [botContact] : contacts.has(n) ? [contacts.get(n)!] : []));
        reserve({ at: now(), room: input.room, from: input.from, to: null, text: typeof text === 'string' ? text : '[图片]' });
        try {
          speaker.say(text, mentions).to(room);
        } finally {
          reserved = null;
        }
      } else if (input.to === 'bot' || input.to === botName) {
        reserve({ at: now(), room: null, from: input.from, to: botName, text: typeof text === 'string' ? text : '[图片]' });
        try {
          speaker.say(text).to(botContact);
        } finally {
          reserved = null;
        }
      } else {
        throw new SandboxInputError(input.to === undefined ? 'room' : 'to', 'give "room" (a room topic) or "to": "bot"');
      }
      if (lastSeq === before) throw new Error('the mock puppet did not deliver the message');
      return lastSeq;
    },
    messagesAfter: (seq) => transcriptAfter(db, seq),
    cachedMessages: () => mockMessages.size,
    limitCache(messages) {
      cacheLimit = messages;
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    world: () => ({
      bot: botName,
      rooms: org.org.rooms.map((r) => ({ topic: r.topic, purpose: r.purpose, unit: r.unit, members: inRoom(r).map((m) => m.name) })),
      members: [
        ...present.map((m) => ({ name: m.name, role: m.role, unit: m.unit, unitName: org.unit(m.unit)?.name ?? m.unit })),
        { name: SANDBOX_STRANGER, role: 'stranger', unit: '', unitName: '' },
      ],
    }),
  };
}
