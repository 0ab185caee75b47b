/**
 * Retention (DESIGN.md "Privacy"; PIPL: keep personal data no longer than needed): personal
 * fields of cases closed longer than `personalDataFor` ago are removed — the anonymised case,
 * its trail and every statistic stay — and the texts of delivered outbox messages (which carry
 * the full record sent privately) are cleared a day after delivery.
 */
import { and, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Log } from '../log.js';
import { appendEvent } from '../store/cases.js';
import type { Db } from '../store/db.js';
import { caseLeads, cases, outbox } from '../store/schema.js';

export const OUTBOX_TEXT_KEPT_MS = 86_400_000;

export interface RetentionDeps {
  db: Db;
  personalDataForMs: number;
  log: Log;
  now: () => number;
}

/** Runs one retention pass; returns how many cases were anonymised and outbox rows cleared. */
export function applyRetention(deps: RetentionDeps): { cases: number; outbox: number } {
  const at = deps.now();
  const before = at - deps.personalDataForMs;
  const result = deps.db.transaction((tx) => {
    const due = tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(isNull(cases.anonymisedAt), or(lt(cases.resolvedAt, before), lt(cases.cancelledAt, before))))
      .all()
      .map((r) => r.id);
    for (let i = 0; i < due.length; i += 500) {
      const ids = due.slice(i, i + 500);
      tx.update(cases).set({ subjectName: null, subjectPhone: null, subjectAddress: null, subjectIdNumber: null, detail: null, anonymisedAt: at }).where(inArray(cases.id, ids)).run();
      tx.update(caseLeads).set({ detail: null }).where(inArray(caseLeads.caseId, ids)).run();
      for (const id of ids) appendEvent(tx, id, at, 'anonymised', 'system', { after: deps.personalDataForMs });
    }
    const cleared = tx
      .update(outbox)
      .set({ payload: { cleared: true } })
      .where(and(isNotNull(outbox.deliveredAt), lt(outbox.deliveredAt, at - OUTBOX_TEXT_KEPT_MS)))
      .run().changes;
    return { cases: due.length, outbox: cleared };
  });
  if (result.cases || result.outbox) deps.log.info(result, 'retention: personal data removed');
  return result;
}
