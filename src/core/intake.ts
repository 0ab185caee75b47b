/**
 * Intake and dispatch: leads become cases and reach the right grid worker. The case, its
 * `created` and `dispatched` events and the outbox rows of both messages are one SQLite
 * transaction per batch; the relay then moves the rows to the bot's outbound queue, so a
 * crash or a Redis outage between the two loses nothing and sends nothing twice.
 */
import type { CoreContext } from './ports.js';
import { eq } from 'drizzle-orm';
import { dispatchGroupText, dispatchPrivateText, levelRaisedGroupText, repeatWarningText, unboundAssigneeText } from '../domain/case-replies.js';
import { generateCaseId } from '../domain/case-id.js';
import { maskIdLike } from '../domain/mask.js';
import type { Duty } from '../domain/duty-routing.js';
import { chooseAssignee, levelRank, routeLead, validateLeads, type Lead, type LeadError, type Routing } from '../domain/lead.js';
import type { Recipient } from '../domain/messages.js';
import { PRIORITY, type Level } from '../domain/types.js';
import type { Log } from '../log.js';
import { appendEvent, caseById, caseExists, caseFacts, caseOfLead, insertCase, noteAssigned, openCaseByPhone, recordLead, workload, type CaseRow, type Tx } from '../store/cases.js';
import { memberById, memberByName, type StoredMember } from '../store/org.js';
import { nextDeadlineOf, refreshDeadline } from './escalate.js';
import { addOutboxMessage } from '../store/outbox.js';
import { makeKey } from '../domain/keys.js';
import { cases } from '../store/schema.js';

export type IntakeDeps = CoreContext;

export interface IntakeResult {
  externalId: string;
  caseId: string;
  status: 'created' | 'duplicate' | 'merged';
}

export type IntakeOutcome = { ok: true; results: IntakeResult[] } | { ok: false; errors: LeadError[] };

/**
 * Takes in one lead or a batch (`{ leads: [...] }`); all-or-nothing.
 * @example intakeLeads(deps, { externalId: 'A1', level: '紧急', unit: 'G1', subject: { ... } })
 *   // { ok: true, results: [{ externalId: 'A1', caseId: 'K7Q2', status: 'created' }] }
 */
export function intakeLeads(deps: IntakeDeps, body: unknown): IntakeOutcome {
  const v = validateLeads(body, deps.org);
  if (!v.ok) {
    deps.log.warn({ errors: v.errors.map((e) => ({ index: e.index, field: e.field })) }, 'leads refused');
    return v;
  }
  const at = deps.now();
  const memo: BatchMemo = { duty: deps.duty.any(at) ? deps.duty.at(at) : undefined, routes: new Map(), members: new Map(), known: new Set(), open: new Map(), lastAssigned: new Map() };
  const results = deps.db.transaction((tx) => v.leads.map((lead) => intakeOne(deps, tx, lead, at, memo)));
  logTaken(deps.log, results);
  if (results.some((r) => r.status !== 'duplicate')) {
    deps.afterCommit();
    deps.onCaseChanged?.([...new Set(results.filter((r) => r.status !== 'duplicate').map((r) => r.caseId))]);
  }
  return { ok: true, results };
}

/**
 * One info line per request (a batch of 1,000 must not cost 1,000 log lines); each lead's ids
 * at debug, an external id shaped like a phone or identity number masked (maskIdLike). The case
 * trail (`case_events`) is the record of every lead.
 */
function logTaken(log: Log, results: IntakeResult[]): void {
  if (results.length === 1) {
    const r = results[0]!;
    log.info({ externalId: maskIdLike(r.externalId), caseId: r.caseId, status: r.status }, 'lead taken in');
    return;
  }
  const counts = { created: 0, merged: 0, duplicate: 0 };
  for (const r of results) counts[r.status]++;
  log.info({ leads: results.length, ...counts }, 'batch of leads taken in');
  if (log.isLevelEnabled('debug')) for (const r of results) log.debug({ externalId: maskIdLike(r.externalId), caseId: r.caseId, status: r.status }, 'lead taken in');
}

/**
 * What the leads of one request share, read once in its transaction and kept current as its
 * leads are assigned: who is on duty and each unit's routing (every lead of a request has the
 * same `at`), the stored members by name, and the fair-routing inputs — each member's open
 * cases and last assignment — so a batch of 1,000 counts each worker's open cases once, not
 * 1,000 times. Exact: nothing else writes while the transaction holds the database.
 */
interface BatchMemo {
  duty: Duty | undefined;
  /** Routing of the leads that name no assignee, by unit. */
  routes: Map<string, Extract<Routing, { ok: true }>>;
  members: Map<string, StoredMember | null>;
  known: Set<string>;
  open: Map<string, number>;
  lastAssigned: Map<string, number>;
}

function routingOf(deps: IntakeDeps, memo: BatchMemo, lead: Lead): Extract<Routing, { ok: true }> {
  const shared = lead.assignee ? undefined : memo.routes.get(lead.unit);
  if (shared) return shared;
  const routing = routeLead(deps.org, lead, memo.duty);
  if (!routing.ok) throw new Error(`lead ${maskIdLike(lead.externalId)} passed validation but cannot be routed: ${routing.message}`);
  if (!lead.assignee) memo.routes.set(lead.unit, routing);
  return routing;
}

function memberOf(tx: Tx, memo: BatchMemo, name: string): StoredMember | null {
  let member = memo.members.get(name);
  if (member === undefined) memo.members.set(name, (member = memberByName(tx, name)));
  return member;
}

function workloadOf(tx: Tx, memo: BatchMemo, names: string[]): BatchMemo {
  const missing = names.filter((n) => !memo.known.has(n));
  if (missing.length) {
    const w = workload(tx, missing);
    for (const n of missing) {
      memo.known.add(n);
      if (w.open.has(n)) memo.open.set(n, w.open.get(n)!);
      if (w.lastAssigned.has(n)) memo.lastAssigned.set(n, w.lastAssigned.get(n)!);
    }
  }
  return memo;
}

function noteInMemo(memo: BatchMemo, name: string, at: number): void {
  if (!memo.known.has(name)) return;
  memo.open.set(name, (memo.open.get(name) ?? 0) + 1);
  memo.lastAssigned.set(name, at);
}

function recipient(tx: Tx, memo: BatchMemo, name: string): Recipient {
  return { name, wechatId: memberOf(tx, memo, name)?.wechatId ?? null };
}

function newCaseId(tx: Tx, random: () => number): string {
  // 4 characters while they are plenty; longer ones once collisions get frequent.
  for (let attempt = 0; attempt < 60; attempt++) {
    const id = generateCaseId(random, attempt < 20 ? 4 : attempt < 40 ? 5 : 6);
    if (!caseExists(tx, id)) return id;
  }
  throw new Error('could not find a free case id');
}

function intakeOne(deps: IntakeDeps, tx: Tx, lead: Lead, at: number, memo: BatchMemo): IntakeResult {
  const known = caseOfLead(tx, lead.externalId);
  if (known) return { externalId: lead.externalId, caseId: known, status: 'duplicate' };
  const open = openCaseByPhone(tx, lead.subject.phone);
  if (open) return mergeInto(deps, tx, open, lead, at, memo);
  return create(deps, tx, lead, at, memo);
}

function create(deps: IntakeDeps, tx: Tx, lead: Lead, at: number, memo: BatchMemo): IntakeResult {
  const routing = routingOf(deps, memo, lead);
  const { open, lastAssigned } = workloadOf(tx, memo, routing.workers.map((w) => w.name));
  const assignee = chooseAssignee(routing, open, lastAssigned);
  const policy = deps.policy[lead.level];
  const id = newCaseId(tx, deps.random);
  const member = memberOf(tx, memo, assignee.name)!;
  const ackDueAt = at + policy.ackWithin;
  // The row is built here and written once: nothing is read back.
  const row: CaseRow = {
    id,
    externalId: lead.externalId,
    level: lead.level,
    category: lead.category,
    subjectName: lead.subject.name,
    subjectPhone: lead.subject.phone,
    subjectAddress: lead.subject.address,
    subjectIdNumber: lead.subject.idNumber,
    amountAtRisk: lead.amountAtRisk,
    detail: lead.detail,
    unitCode: lead.unit,
    assigneeId: member.id,
    status: 'dispatched',
    attempts: 0,
    escalationStep: 0,
    phaseStep: 0,
    version: 1,
    ackDueAt,
    resolveDueAt: at + policy.resolveWithin,
    nextDeadlineAt: null,
    createdAt: at,
    dispatchedAt: at,
    acknowledgedAt: null,
    resolvedAt: null,
    cancelledAt: null,
    supervisedAt: null,
    supervisedBy: null,
    anonymisedAt: null,
    result: null,
    lossAmount: null,
  };
  row.nextDeadlineAt = nextDeadlineOf(deps, row);
  insertCase(tx, row);
  recordLead(tx, { externalId: lead.externalId, caseId: id, receivedAt: at, level: lead.level, category: lead.category, amountAtRisk: lead.amountAtRisk, detail: lead.detail, outcome: 'created' });
  appendEvent(tx, id, at, 'created', 'system', { externalId: lead.externalId, level: lead.level, unit: lead.unit });
  appendEvent(tx, id, at, 'dispatched', 'system', { assignee: assignee.name, room: routing.room.topic, how: routing.named ? 'named' : routing.workers.length ? 'fair' : 'fallback_lead' });
  // Every lead of a request is assigned at the same `at`: a member already noted at it needs no second write.
  if (memo.lastAssigned.get(assignee.name) !== at) noteAssigned(tx, member.id, at);
  noteInMemo(memo, assignee.name, at);

  const facts = caseFacts(row);
  const to: Recipient = { name: assignee.name, wechatId: member.wechatId };
  const priority = PRIORITY[lead.level];
  addOutboxMessage(tx, makeKey('dispatch', id, 'group'), { room: routing.room.topic, mentions: [to], text: dispatchGroupText(facts, at, deps.timezone), meta: { caseId: id, kind: 'dispatch' } }, priority, at);
  if (to.wechatId) {
    addOutboxMessage(tx, makeKey('dispatch', id, 'private'), { to, text: dispatchPrivateText(facts, at, deps.timezone) }, priority, at, id);
  } else {
    // DESIGN "Privacy": the full record goes only to a bound identity, never to a display name.
    tellLeadUnbound(deps, tx, memo, id, lead.level, lead.unit, assignee.name, at);
  }
  return { externalId: lead.externalId, caseId: id, status: 'created' };
}

function mergeInto(deps: IntakeDeps, tx: Tx, caseId: string, lead: Lead, at: number, memo: BatchMemo): IntakeResult {
  const before = caseById(tx, caseId)!;
  const oldLevel = before.level as Level;
  const raised = levelRank(lead.level) > levelRank(oldLevel);
  recordLead(tx, { externalId: lead.externalId, caseId, receivedAt: at, level: lead.level, category: lead.category, amountAtRisk: lead.amountAtRisk, detail: lead.detail, outcome: 'merged' });
  appendEvent(tx, caseId, at, 'merged', 'system', { externalId: lead.externalId, level: lead.level });

  const acknowledged = before.status === 'acknowledged';
  if (raised) {
    // The higher level's clocks start now: the repeat warning restarts that level's clocks.
    const policy = deps.policy[lead.level];
    const ackDueAt = acknowledged ? before.ackDueAt : at + policy.ackWithin;
    const resolveDueAt = at + policy.resolveWithin;
    tx.update(cases)
      .set({
        level: lead.level,
        ackDueAt,
        resolveDueAt,
        nextDeadlineAt: acknowledged ? resolveDueAt : ackDueAt,
        phaseStep: 0,
        supervisedAt: null,
        supervisedBy: null,
        version: before.version + 1,
        amountAtRisk: Math.max(before.amountAtRisk ?? 0, lead.amountAtRisk ?? 0) || null,
      })
      .where(eq(cases.id, caseId))
      .run();
    appendEvent(tx, caseId, at, 'level_raised', 'system', { from: oldLevel, to: lead.level, externalId: lead.externalId });
  } else if ((lead.amountAtRisk ?? 0) > (before.amountAtRisk ?? 0)) {
    tx.update(cases).set({ amountAtRisk: lead.amountAtRisk }).where(eq(cases.id, caseId)).run();
  }

  refreshDeadline(tx, caseId, deps);
  const after = caseById(tx, caseId)!;
  const facts = caseFacts(after);
  const assigneeName = after.assigneeId ? memberById(tx, after.assigneeId)?.name : undefined;
  if (assigneeName) {
    const to = recipient(tx, memo, assigneeName);
    const priority = PRIORITY[after.level as Level];
    if (to.wechatId) addOutboxMessage(tx, makeKey('merge', caseId, lead.externalId, 'private'), { to, text: repeatWarningText(facts, lead, raised ? oldLevel : null, acknowledged, at, deps.timezone) }, priority, at, caseId);
    const room = deps.org.taskRoom(after.unitCode);
    if (raised && room) {
      addOutboxMessage(tx, makeKey('merge', caseId, lead.externalId, 'group'), { room: room.topic, mentions: [to], text: levelRaisedGroupText(facts, oldLevel, at, deps.timezone) }, priority, at, caseId);
    }
  } else {
    deps.log.warn({ caseId }, 'merged lead into a case without an assignee');
  }
  return { externalId: lead.externalId, caseId, status: 'merged' };
}

/**
 * The assignee has not bound their WeChat yet, so the full record cannot go to them: the
 * nearest lead (privately if bound, else in their supervision room) is told, masked, so that
 * someone reaches the worker by phone and the worker binds.
 */
function tellLeadUnbound(deps: IntakeDeps, tx: Tx, memo: BatchMemo, caseId: string, level: Level, unit: string, assigneeName: string, at: number): void {
  const lead = deps.org.nearest(unit, 'lead') ?? deps.org.nearest(unit, 'supervisor');
  deps.log.warn({ caseId, lead: lead?.name ?? null }, 'assignee not bound: private record withheld');
  appendEvent(tx, caseId, at, 'private_withheld', 'system', { assignee: assigneeName, reason: 'not_bound' });
  if (!lead) return;
  const to = recipient(tx, memo, lead.name);
  const text = unboundAssigneeText(caseId, level, assigneeName);
  if (to.wechatId) {
    addOutboxMessage(tx, makeKey('unbound', caseId, 'lead'), { to, text }, PRIORITY[level], at, caseId);
    return;
  }
  const room = deps.org.supervisionRoom(unit, lead.name);
  if (room) addOutboxMessage(tx, makeKey('unbound', caseId, 'room'), { room: room.topic, mentions: [to], text }, PRIORITY[level], at, caseId);
}
