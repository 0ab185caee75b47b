/**
 * Core without Redis, WeChat or HTTP (as grammY tests middleware without Telegram): a temporary
 * SQLite file, the demo org, a pinned clock, and in-memory ports that record what core asked
 * the outside world to do. A rule of core is checked in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { coreSettingsOf, parseProfile, type Profile } from '../../src/config.js';
import { createCore, type Core } from '../../src/core/index.js';
import type { ChatIn, ChatOut } from '../../src/domain/messages.js';
import { indexOrg } from '../../src/domain/org.js';
import { openStore, type Store } from '../../src/store/db.js';
import { bindMember } from '../../src/store/org.js';
import { captureLog } from '../support/log-capture.js';
import { tempDir } from '../support/env.js';

export interface CoreFixture {
  core: Core;
  store: Store;
  /** The clock core reads; tests move it. */
  clock: { now: number };
  /** Case ids whose timers core asked to change, in order. */
  timersChanged: string[];
  /** How many commits wrote outbox rows. */
  outboxWrites: number;
  /** Messages written to the outbox since the fixture began, oldest first. */
  sent(): ChatOut[];
  /** A chat message from a member (bound as `wx-<name>`), in a room or privately. */
  say(from: string, text: string, room?: string | null): ReturnType<Core['handleMessage']>;
  close(): void;
}

let seq = 0;

export function coreFixture(tweak: (p: Profile) => Profile = (p) => p, startAt = Date.UTC(2026, 10, 28, 2, 0)): CoreFixture {
  const files = tempDir();
  const profile = tweak(parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8')), 'bots/demo.yaml'));
  const store = openStore(join(files.dir, 'core.db'));
  const clock = { now: startAt };
  const fixture = {
    timersChanged: [] as string[],
    outboxWrites: 0,
  };
  const core = createCore(store, indexOrg(profile.org), coreSettingsOf(profile), {
    now: () => clock.now,
    random: () => ((seq = (seq * 7919 + 104729) % 1_000_003), seq / 1_000_003),
    log: captureLog('silent').log,
    outboxWritten: () => void fixture.outboxWrites++,
    timersChanged: (ids) => void fixture.timersChanged.push(...ids),
  });
  for (const m of profile.org.members) bindMember(store.db, m.name, `wx-${m.name}`, 'test', clock.now);
  let n = 0;
  return {
    core,
    store,
    clock,
    get timersChanged() {
      return fixture.timersChanged;
    },
    get outboxWrites() {
      return fixture.outboxWrites;
    },
    sent: () => (store.sqlite.prepare('select payload from outbox order by id').all() as { payload: string }[]).map((r) => JSON.parse(r.payload) as ChatOut),
    say(from, text, room = null) {
      n += 1;
      const msg: ChatIn = { messageId: `m-${n}`, botId: 'test', from: { wechatId: `wx-${from}`, name: from }, room: room ? { wechatId: `${room}@chatroom`, topic: room } : null, text, mentionSelf: false, type: 'text', at: clock.now };
      return core.handleMessage(msg);
    },
    close() {
      store.close();
      files.cleanup();
    },
  };
}
