/**
 * Retention (DESIGN.md "Privacy"; PIPL: keep personal data no longer than needed): personal
 * fields of cases closed longer than `personalDataFor` ago are removed — the anonymised case,
 * its trail and every statistic stay — together with every outbox payload about that case,
 * delivered or not. Texts of delivered or failed outbox messages (the private one carries the
 * full record) are cleared a day after, and a message still undelivered after `personalDataFor`
 * is given up. Every cleared row is marked (`cleared_at`), so a pass reads only what it has not
 * cleared yet, through an index, in small transactions: the nightly job never rewrites history.
 */
import type { CoreContext } from './ports.js';
import { and, asc, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { appendEvent } from '../store/cases.js';
import { caseLeads, cases, outbox } from '../store/schema.js';

export const OUTBOX_TEXT_KEPT_MS = 86_400_000;
/** Rows per transaction: another writer (the service, an import) waits at most one chunk. */
const CHUNK = 500;
const CLEARED = { cleared: true } as Record<string, unknown>;

export type RetentionDeps = CoreContext;

/** Runs one retention pass; returns how many cases were anonymised and outbox rows cleared. */
export function applyRetention(deps: RetentionDeps): { cases: number; outbox: number } {
  const at = deps.now();
  const before = at - deps.personalDataForMs;
  const { db } = deps;
  let anonymised = 0;
  let cleared = 0;

  for (;;) {
    const ids = db
      .select({ id: cases.id })
      .from(cases)
      .where(and(isNull(cases.anonymisedAt), or(lt(cases.resolvedAt, before), lt(cases.cancelledAt, before))))
      .limit(CHUNK)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) break;
    cleared += db.transaction((tx) => {
      tx.update(cases).set({ subjectName: null, subjectPhone: null, subjectAddress: null, subjectIdNumber: null, detail: null, anonymisedAt: at }).where(inArray(cases.id, ids)).run();
      tx.update(caseLeads).set({ detail: null }).where(inArray(caseLeads.caseId, ids)).run();
      // Reasons typed in chat (撤销, 重办) may name or number the person: removed from the trail too.
      tx.run(sql`update case_events set data = json_remove(data, '$.reason') where case_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) and json_extract(data, '$.reason') is not null`);
      for (const id of ids) appendEvent(tx, id, at, 'anonymised', 'system', { after: deps.personalDataForMs });
      // Undelivered messages of the case too: they would carry the record after it is gone.
      return tx
        .update(outbox)
        .set({ payload: CLEARED, clearedAt: at, failedAt: at, failReason: 'case anonymised before delivery' })
        .where(and(inArray(outbox.caseId, ids), isNull(outbox.clearedAt), isNull(outbox.deliveredAt)))
        .run().changes +
        tx.update(outbox).set({ payload: CLEARED, clearedAt: at }).where(and(inArray(outbox.caseId, ids), isNull(outbox.clearedAt))).run().changes;
    });
    anonymised += ids.length;
  }

  const spent = or(
    lt(outbox.deliveredAt, at - OUTBOX_TEXT_KEPT_MS),
    and(isNotNull(outbox.failedAt), lt(outbox.failedAt, at - OUTBOX_TEXT_KEPT_MS)),
    and(isNull(outbox.deliveredAt), lt(outbox.createdAt, before)),
  );
  for (;;) {
    const rows = db.select({ id: outbox.id, deliveredAt: outbox.deliveredAt }).from(outbox).where(and(isNull(outbox.clearedAt), spent)).orderBy(asc(outbox.id)).limit(CHUNK).all();
    if (rows.length === 0) break;
    db.transaction((tx) => {
      const undelivered = rows.filter((r) => r.deliveredAt === null).map((r) => r.id);
      tx.update(outbox).set({ payload: CLEARED, clearedAt: at }).where(inArray(outbox.id, rows.map((r) => r.id))).run();
      if (undelivered.length) tx.update(outbox).set({ failedAt: at, failReason: 'expired undelivered' }).where(and(inArray(outbox.id, undelivered), isNull(outbox.failedAt))).run();
    });
    cleared += rows.length;
  }

  const result = { cases: anonymised, outbox: cleared };
  if (result.cases || result.outbox) deps.log.info(result, 'retention: personal data removed');
  return result;
}
