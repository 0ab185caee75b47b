/** The profile's org in the store: synced at start-up (idempotent), bindings of WeChat identities. */
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Member, Org, Role } from '../domain/types.js';
import { statement, type Db, type Tx } from './db.js';

import { auditLog, members, rooms, units } from './schema.js';

export interface StoredMember extends Member {
  id: number;
  wechatId: string | null;
}

/**
 * Makes the store's units, members and rooms match the profile, in one transaction.
 * Running it twice changes nothing; members and rooms that left the profile are
 * deactivated, never deleted (cases and the audit trail still point at them).
 */
export function syncOrg(db: Db, org: Org): void {
  db.transaction((tx) => {
    for (const u of org.units) {
      const row = { name: u.name, kind: u.kind, parentCode: u.parent ?? null, active: true };
      tx.insert(units).values({ code: u.code, ...row }).onConflictDoUpdate({ target: units.code, set: row }).run();
    }
    const codes = org.units.map((u) => u.code);
    tx.update(units).set({ active: false }).where(notInArray(units.code, codes)).run();

    for (const m of org.members) {
      const row = { role: m.role, unitCode: m.unit, bindCode: m.bindCode ?? null, active: true };
      tx.insert(members).values({ name: m.name, ...row }).onConflictDoUpdate({ target: members.name, set: row }).run();
    }
    const names = org.members.map((m) => m.name);
    tx.update(members).set({ active: false }).where(notInArray(members.name, names)).run();

    for (const r of org.rooms) {
      const row = { unitCode: r.unit, purpose: r.purpose, memberNames: r.members ?? null, active: true };
      tx.insert(rooms).values({ topic: r.topic, ...row }).onConflictDoUpdate({ target: rooms.topic, set: row }).run();
    }
    const topics = org.rooms.map((r) => r.topic);
    tx.update(rooms).set({ active: false }).where(notInArray(rooms.topic, topics)).run();
  });
}

function toMember(row: typeof members.$inferSelect): StoredMember {
  return { id: row.id, name: row.name, role: row.role as Role, unit: row.unitCode, bindCode: row.bindCode ?? undefined, wechatId: row.wechatId };
}

/** The active member bound to a WeChat contact id, if any. */
export function memberByWechatId(db: Db | Tx, wechatId: string): StoredMember | null {
  const row = db.select().from(members).where(and(eq(members.wechatId, wechatId), eq(members.active, true))).get();
  return row ? toMember(row) : null;
}

/** A member row under drizzle's field names, through a statement prepared once (intake reads it per lead). */
const MEMBER_SELECT =
  'select id, name, role, unit_code as unitCode, bind_code as bindCode, wechat_id as wechatId, bound_at as boundAt, last_assigned_at as lastAssignedAt, active from members';

export function memberByName(db: Db | Tx, name: string): StoredMember | null {
  const row = statement(db, `${MEMBER_SELECT} where name = ?`).get(name) as typeof members.$inferSelect | undefined;
  return row ? toMember(row) : null;
}

/**
 * Binds a WeChat identity to a roster entry and audits it. Used by the sandbox (every mock
 * contact is bound at start-up) and by `绑定 <code>`. Returns false when the member is
 * already bound to another identity.
 */
export function bindMember(db: Db, name: string, wechatId: string, actor: string, now: number): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(members).where(eq(members.name, name)).get();
    if (!row) return false;
    if (row.wechatId === wechatId) return true;
    if (row.wechatId) return false;
    // An identity belongs to one roster entry only.
    tx.update(members).set({ wechatId: null, boundAt: null }).where(eq(members.wechatId, wechatId)).run();
    tx.update(members).set({ wechatId, boundAt: now }).where(and(eq(members.name, name), isNull(members.wechatId))).run();
    tx.insert(auditLog).values({ at: now, actor, type: 'member.bound', data: { member: name } }).run();
    return true;
  });
}

/**
 * Clears a roster entry's WeChat identity (the sandbox leaves a member unbound at every start,
 * so a trainee can practise `绑定`). Audited; returns false when it was not bound.
 */
export function unbindMember(db: Db, name: string, actor: string, now: number): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(members).where(eq(members.name, name)).get();
    if (!row?.wechatId) return false;
    tx.update(members).set({ wechatId: null, boundAt: null }).where(eq(members.id, row.id)).run();
    tx.insert(auditLog).values({ at: now, actor, type: 'member.unbound', data: { member: name } }).run();
    return true;
  });
}

export function memberById(db: Db | Tx, id: number): StoredMember | null {
  const row = statement(db, `${MEMBER_SELECT} where id = ?`).get(id) as typeof members.$inferSelect | undefined;
  return row ? toMember(row) : null;
}
