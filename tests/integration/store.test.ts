/** The SQLite store on a real file: pragmas, migrations of a populated database, org sync. */
import { createDutySource } from '../../src/core/duty.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/config.js';
import { indexOrg } from '../../src/domain/org.js';
import { handleInbound } from '../../src/core/converse.js';
import type { ChatIn } from '../../src/domain/messages.js';
import { MIGRATIONS_FOLDER, MigrationIntegrityError, openStore } from '../../src/store/db.js';
import { bindMember, memberByName, syncOrg } from '../../src/store/org.js';
import { caseEvents, cases, members, outbox, rooms } from '../../src/store/schema.js';
import { captureLog } from '../support/log-capture.js';
import { tempDir } from '../support/env.js';

const profile = parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8')));
let tmp: ReturnType<typeof tempDir>;
let dbPath: string;

beforeEach(() => {
  tmp = tempDir();
  dbPath = join(tmp.dir, 'nested', 'gridguard.db');
});
afterEach(() => tmp.cleanup());

function seedCase(db: ReturnType<typeof openStore>['db']): void {
  const li = memberByName(db, '李网格')!;
  db.insert(cases).values({ id: 'K7Q2', externalId: 'EXT-1', level: 'urgent', unitCode: 'G1', assigneeId: li.id, status: 'dispatched', createdAt: 1 }).run();
  db.insert(caseEvents).values([
    { caseId: 'K7Q2', at: 1, type: 'created', actor: 'system' },
    { caseId: 'K7Q2', at: 2, type: 'dispatched', actor: 'system' },
  ]).run();
}

/** A copy of the migrations plus one that rebuilds `cases`, as drizzle-kit does for a changed default. */
function migrationsWithRebuild(extraSql: string): string {
  const dir = join(tmp.dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  writeFileSync(join(dir, '9999_rebuild.sql'), extraSql);
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now() + 1000, tag: '9999_rebuild', breakpoints: true });
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('opening the store', () => {
  it('creates the file with WAL, foreign keys and a busy timeout', () => {
    const store = openStore(dbPath);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });

  it('keeps every row when a later migration rebuilds a parent table', () => {
    const first = openStore(dbPath);
    syncOrg(first.db, profile.org);
    seedCase(first.db);
    const current = (first.sqlite.prepare("select sql from sqlite_master where name = 'cases'").get() as { sql: string }).sql;
    first.close();

    // drizzle-kit's table rebuild: new table with the same definition, copy, drop, rename.
    const ddl = current.replace(/^CREATE TABLE [`"]?cases[`"]?/, 'CREATE TABLE `__new_cases`') + ';';
    const rebuild = [
      ddl,
      'INSERT INTO `__new_cases` SELECT * FROM `cases`;',
      'DROP TABLE `cases`;',
      'ALTER TABLE `__new_cases` RENAME TO `cases`;',
    ].join('\n--> statement-breakpoint\n');
    const store = openStore(dbPath, migrationsWithRebuild(rebuild));
    expect(store.db.select().from(cases).all()).toHaveLength(1);
    expect(store.db.select().from(caseEvents).where(eq(caseEvents.caseId, 'K7Q2')).all()).toHaveLength(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('refuses to start when a migration leaves broken references', () => {
    const first = openStore(dbPath);
    syncOrg(first.db, profile.org);
    seedCase(first.db);
    first.close();
    const dropParent = 'DELETE FROM `cases`;';
    expect(() => openStore(dbPath, migrationsWithRebuild(dropParent))).toThrow(MigrationIntegrityError);
  });
});

/** A copy of the migrations up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = join(tmp.dir, 'migrations-old');
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e: { tag: string }) => e.tag === lastTag) + 1);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('upgrading a store of the previous release', () => {
  it('gives every resolved case its current final outcome (a correction wins; an attempt does not count)', () => {
    const old = openStore(dbPath, migrationsUpTo('0011_duty-rosters'));
    syncOrg(old.db, profile.org);
    const li = memberByName(old.db, '李网格')!;
    // Raw SQL: the current schema's inserts name columns the old table does not have.
    const insertCase = old.sqlite.prepare("insert into cases (id, external_id, level, unit_code, assignee_id, status, created_at) values (?, ?, ?, 'G1', ?, 'dispatched', ?)");
    insertCase.run('K7Q2', 'EXT-1', 'urgent', li.id, 1);
    insertCase.run('M4P9', 'EXT-2', 'low', li.id, 3);
    const outcome = old.sqlite.prepare('insert into case_outcomes (case_id, at, member_id, method, result, loss_amount, final, superseded_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
    outcome.run('K7Q2', 5, li.id, 'phone', 'unreachable', null, 0, null);
    outcome.run('K7Q2', 9, li.id, 'visit', 'dissuaded', null, 1, 12);
    outcome.run('K7Q2', 9, li.id, 'visit', 'defrauded', 3000, 1, null);
    old.sqlite.prepare("update cases set status = 'resolved', resolved_at = 9 where id = 'K7Q2'").run();
    old.close();

    const store = openStore(dbPath);
    const rows = store.sqlite.prepare('select id, result, loss_amount as loss from cases order by id').all();
    expect(rows).toEqual([{ id: 'K7Q2', result: 'defrauded', loss: 3000 }, { id: 'M4P9', result: null, loss: null }]);
    store.close();
  });
});

describe('syncing the org', () => {
  it('is idempotent and keeps bindings', () => {
    const store = openStore(dbPath);
    syncOrg(store.db, profile.org);
    expect(bindMember(store.db, '李网格', 'wxid_li', 'test', 1)).toBe(true);
    const snapshot = store.db.select().from(members).all();
    syncOrg(store.db, profile.org);
    expect(store.db.select().from(members).all()).toEqual(snapshot);
    expect(memberByName(store.db, '李网格')?.wechatId).toBe('wxid_li');
    store.close();
  });

  it('deactivates members and rooms that left the profile instead of deleting them', () => {
    const store = openStore(dbPath);
    syncOrg(store.db, profile.org);
    const smaller = { ...profile.org, members: profile.org.members.filter((m) => m.name !== '周网格'), rooms: profile.org.rooms.slice(1) };
    syncOrg(store.db, smaller);
    expect(store.db.select().from(members).where(eq(members.name, '周网格')).get()?.active).toBe(false);
    expect(store.db.select().from(rooms).where(eq(rooms.topic, profile.org.rooms[0]!.topic)).get()?.active).toBe(false);
    store.close();
  });

  it('refuses to bind a member already bound to another WeChat identity', () => {
    const store = openStore(dbPath);
    syncOrg(store.db, profile.org);
    expect(bindMember(store.db, '李网格', 'wxid_a', 'test', 1)).toBe(true);
    expect(bindMember(store.db, '李网格', 'wxid_b', 'test', 2)).toBe(false);
    expect(memberByName(store.db, '李网格')?.wechatId).toBe('wxid_a');
    store.close();
  });
});

describe('taking in a chat message', () => {
  it('handles a replayed message id once', () => {
    const store = openStore(dbPath);
    syncOrg(store.db, profile.org);
    bindMember(store.db, '李网格', 'wxid_li', 'test', 1);
    const deps = { db: store.db, org: indexOrg(profile.org), policy: profile.policy, timezone: profile.timezone, boundaries: profile.shifts.boundaries, botName: '网格哨兵', remindWeekends: false, personalDataForMs: 0, log: captureLog().log, now: () => 1000, random: Math.random, afterCommit: () => {}, onCaseChanged: () => {}, duty: createDutySource(store.db, null, profile.timezone, () => 1000) };
    const msg: ChatIn = { messageId: 'm-1', botId: 'demo', from: { wechatId: 'wxid_li', name: '李网格' }, room: null, text: '帮助', mentionSelf: false, type: 'text', at: 1000 };
    expect(handleInbound(deps, msg)).toBe('replied');
    expect(handleInbound(deps, msg)).toBe('duplicate');
    expect(store.db.select().from(outbox).all()).toHaveLength(1);
    store.close();
  });
});
