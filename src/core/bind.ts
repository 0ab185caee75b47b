/**
 * `绑定 <code>`: binds a WeChat identity to a roster entry by its one-time code (DESIGN.md
 * "Privacy": never by display name). Wrong, used and second bindings are refused; every
 * attempt is audited, and repeated wrong codes lock the identity out for an hour.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { replies } from '../domain/converse-replies.js';
import type { OrgIndex } from '../domain/org.js';
import type { Tx } from '../store/cases.js';
import { auditLog, members } from '../store/schema.js';

const MAX_FAILURES_PER_HOUR = 5;

export function bindByCode(tx: Tx, org: OrgIndex, code: string, wechatId: string, at: number, via: string | null = null): string {
  const already = tx.select().from(members).where(eq(members.wechatId, wechatId)).get();
  if (already) return replies.bindAlready(already.name);
  const failures = tx
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(and(eq(auditLog.type, 'member.bind_failed'), gt(auditLog.at, at - 3_600_000), sql`json_extract(${auditLog.data}, '$.wechatId') = ${wechatId}`))
    .get()!.n;
  if (failures >= MAX_FAILURES_PER_HOUR) return '绑定码错误次数过多，请1小时后再试，或联系社区负责人。';

  const row = tx.select().from(members).where(and(eq(members.bindCode, code.toUpperCase()), eq(members.active, true))).get();
  if (!row) {
    tx.insert(auditLog).values({ at, actor: 'system', type: 'member.bind_failed', data: { wechatId, reason: 'wrong_code' } }).run();
    return replies.bindWrong();
  }
  if (row.wechatId) {
    tx.insert(auditLog).values({ at, actor: 'system', type: 'member.bind_failed', data: { wechatId, reason: 'used_code', member: row.name } }).run();
    return replies.bindUsed();
  }
  // The account bound through carries this member's private messages (issue 17).
  tx.update(members).set({ wechatId, boundAt: at, boundVia: via }).where(eq(members.id, row.id)).run();
  tx.insert(auditLog).values({ at, actor: row.name, type: 'member.bound', data: { member: row.name, wechatId } }).run();
  return replies.bound(row.name, row.role as never, org.unit(row.unitCode)?.name ?? row.unitCode);
}
