/**
 * Closing shifts (交接班): compile every unit's figures for `(previous boundary, boundary]`,
 * store them (upsert: compiling twice changes nothing), post each supervision room its unit's
 * report (deterministic outbox key: posted once), and remember the boundary — one transaction.
 * Catch-up compiles every boundary missed while the process was down (node-cron never does).
 */
import type { CoreContext } from './ports.js';
import { boundariesBetween, lastBoundary, previousBoundary } from '../domain/shifts.js';
import { compileSummaries, type ShiftSummary } from '../domain/summary.js';
import { shiftReportText } from '../domain/summary-replies.js';
import { handoverPicture } from '../domain/pictures.js';
import { PRIORITY } from '../domain/types.js';
import { dutyReplies } from '../domain/duty-replies.js';
import type { Tx } from '../store/cases.js';
import { memberByName } from '../store/org.js';
import { handoverList } from './duty.js';
import { addOutboxMessage } from '../store/outbox.js';
import { makeKey } from '../domain/keys.js';
import { readMeta, readShiftRows, upsertSummaries, writeMeta } from '../store/summaries.js';

export type ShiftDeps = CoreContext;

export const LAST_BOUNDARY_KEY = 'shifts.lastBoundary';

/**
 * Compiles and posts the shift that ends at `boundary`.
 * @example closeShift(deps, Date.parse('2026-11-23T12:00:00Z')) // summaries of every unit
 */
export function closeShift(deps: ShiftDeps, boundary: number): Map<string, ShiftSummary> {
  const from = previousBoundary(deps.boundaries, boundary, deps.timezone);
  const at = deps.now();
  const summaries = deps.db.transaction((tx) => {
    const rows = readShiftRows(tx, from, boundary);
    const compiled = compileSummaries(deps.org, from, boundary, rows);
    upsertSummaries(tx, [...compiled.values()], at);
    for (const room of deps.org.org.rooms.filter((r) => r.purpose === 'supervision')) {
      const s = compiled.get(room.unit);
      if (!s) continue;
      const unitName = deps.org.unit(room.unit)?.name ?? room.unit;
      const text = shiftReportText(s, unitName, deps.timezone);
      // The same report as a picture after the text (issue 19): groups forward pictures.
      const picture = handoverPicture(s, unitName, deps.timezone);
      addOutboxMessage(tx, makeKey('summary', room.unit, boundary), { room: room.topic, mentions: [], text, meta: { kind: 'summary' }, picture }, PRIORITY.routine, at);
    }
    postHandover(deps, tx, boundary, at);
    const last = Number(readMeta(tx, LAST_BOUNDARY_KEY) ?? 0);
    if (boundary > last) writeMeta(tx, LAST_BOUNDARY_KEY, String(boundary), at);
    return compiled;
  });
  deps.log.info({ from: new Date(from).toISOString(), to: new Date(boundary).toISOString(), units: summaries.size }, 'shift closed');
  deps.afterCommit();
  return summaries;
}

/**
 * The handover (交接班) where rosters exist: each supervision room gets the open cases of its
 * units whose assignee is off duty in the incoming shift, with who takes each over, and each
 * incoming duty member hears privately which cases to watch. Nothing when nobody changes hands.
 */
function postHandover(deps: ShiftDeps, tx: Tx, boundary: number, at: number): void {
  // A boundary caught up long after it passed is history: the next one hands over.
  if (at - boundary > 3_600_000 || !deps.duty.any(boundary)) return;
  const list = handoverList(tx, deps.org, deps.duty.at(boundary));
  if (list.length === 0) return;
  for (const room of deps.org.org.rooms.filter((r) => r.purpose === 'supervision')) {
    const below = deps.org.subtree(room.unit);
    const items = list.filter((i) => below.has(i.unit));
    if (items.length) addOutboxMessage(tx, makeKey('handover', room.unit, boundary), { room: room.topic, mentions: [], text: dutyReplies.handover(items), meta: { kind: 'summary' } }, PRIORITY.routine, at);
  }
  const byTaker = new Map<string, typeof list>();
  for (const i of list) byTaker.set(i.to, [...(byTaker.get(i.to) ?? []), i]);
  for (const [name, items] of byTaker) {
    const to = { name, wechatId: memberByName(tx, name)?.wechatId ?? null };
    addOutboxMessage(tx, makeKey('handover-to', name, boundary), { to, text: dutyReplies.handoverToYou(items) }, PRIORITY.routine, at);
  }
}

/**
 * Closes every shift whose boundary passed since the last one closed (each once). On the very
 * first start there is nothing to catch up: the latest boundary becomes the starting point.
 * Returns the boundaries closed.
 */
export function catchUpShifts(deps: ShiftDeps): number[] {
  const now = deps.now();
  const stored = readMeta(deps.db, LAST_BOUNDARY_KEY);
  if (stored === null) {
    writeMeta(deps.db, LAST_BOUNDARY_KEY, String(lastBoundary(deps.boundaries, now, deps.timezone)), now);
    return [];
  }
  const due = boundariesBetween(deps.boundaries, Number(stored), now, deps.timezone);
  for (const b of due) closeShift(deps, b);
  return due;
}
