/**
 * The SQLite schema (drizzle-orm). SQLite is the single source of truth; Redis only
 * carries work and timers and is rebuilt from these tables (DESIGN.md "Shape").
 * Times are integer milliseconds since the epoch (UTC).
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const units = sqliteTable('units', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  parentCode: text('parent_code'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const members = sqliteTable(
  'members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    role: text('role').notNull(),
    unitCode: text('unit_code').notNull().references(() => units.code),
    bindCode: text('bind_code'),
    /** The WeChat identity bound to this roster entry (contact id), or null when unbound. */
    wechatId: text('wechat_id').unique(),
    boundAt: integer('bound_at'),
    /** The bot account the member bound through (their private messages go through it), or null. */
    boundVia: text('bound_via'),
    /** When this member was last given a case (fair routing reads it instead of their history). */
    lastAssignedAt: integer('last_assigned_at'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('members_unit_idx').on(t.unitCode)],
);

export const rooms = sqliteTable('rooms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  topic: text('topic').notNull().unique(),
  unitCode: text('unit_code').notNull().references(() => units.code),
  purpose: text('purpose').notNull(),
  /** Explicit member list from the profile (JSON array of names), or null for the default rule. */
  memberNames: text('member_names', { mode: 'json' }).$type<string[] | null>(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    externalId: text('external_id').notNull().unique(),
    level: text('level').notNull(),
    category: text('category'),
    subjectName: text('subject_name'),
    subjectPhone: text('subject_phone'),
    subjectAddress: text('subject_address'),
    subjectIdNumber: text('subject_id_number'),
    amountAtRisk: real('amount_at_risk'),
    detail: text('detail'),
    unitCode: text('unit_code').notNull().references(() => units.code),
    assigneeId: integer('assignee_id').references(() => members.id),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Escalation steps fired in all (contract: `escalationStep`). */
    escalationStep: integer('escalation_step').notNull().default(0),
    /** Steps fired in the current phase (acknowledgement or resolution); reset when the phase changes. */
    phaseStep: integer('phase_step').notNull().default(0),
    /** Bumped on every change that invalidates pending timers (NOTES.md: re-check on fire). */
    version: integer('version').notNull().default(1),
    ackDueAt: integer('ack_due_at'),
    resolveDueAt: integer('resolve_due_at'),
    /** The next escalation deadline of an open case; reconciliation rebuilds timers from it. */
    nextDeadlineAt: integer('next_deadline_at'),
    createdAt: integer('created_at').notNull(),
    dispatchedAt: integer('dispatched_at'),
    acknowledgedAt: integer('acknowledged_at'),
    resolvedAt: integer('resolved_at'),
    cancelledAt: integer('cancelled_at'),
    /** A supervisor took the escalation (督办): further escalation steps stop. */
    supervisedAt: integer('supervised_at'),
    supervisedBy: text('supervised_by'),
    /** Set by the retention job when personal fields were removed. */
    anonymisedAt: integer('anonymised_at'),
    /**
     * The case's current final outcome, mirrored from `case_outcomes` (the trail) when it is
     * recorded, corrected or reopened, so a shift summary reads resolutions without a join.
     */
    result: text('result'),
    lossAmount: real('loss_amount'),
  },
  (t) => [
    index('cases_status_deadline_idx').on(t.status, t.nextDeadlineAt),
    index('cases_subject_phone_idx').on(t.subjectPhone, t.status),
    index('cases_unit_created_idx').on(t.unitCode, t.createdAt),
    index('cases_assignee_status_idx').on(t.assigneeId, t.status),
    // A worker's cases due now (batched reminders).
    index('cases_assignee_deadline_idx').on(t.assigneeId, t.nextDeadlineAt),
    // Shift summaries read windows by these times; the creation time beside the acknowledgement
    // and resolution times finds the few older cases acknowledged or resolved in a window
    // without reading the rows of the many created in it.
    index('cases_created_idx').on(t.createdAt),
    index('cases_acknowledged_idx').on(t.acknowledgedAt, t.createdAt),
    index('cases_resolved_idx').on(t.resolvedAt, t.createdAt),
    index('cases_cancelled_idx').on(t.cancelledAt),
  ],
);

/** Append-only audit trail of every case change (留痕): never updated, never deleted. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().references(() => cases.id),
    at: integer('at').notNull(),
    type: text('type').notNull(),
    /** Member name or `system`. */
    actor: text('actor').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    messageId: text('message_id'),
  },
  // Escalations alone, by time, holding what the shift summary counts (unit and step): the
  // summary and the watchdog read them over a time range without reading event rows, and no
  // other event pays for the index.
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.id),
    index('case_events_escalated_idx')
      .on(t.at, sql`json_extract(${t.data}, '$.unit')`, sql`json_extract(${t.data}, '$.step')`, t.caseId)
      .where(sql`${t.type} = 'escalated'`),
  ],
);

/** Every reported outcome: final ones close the case, attempts (unreachable/refused) do not. */
export const caseOutcomes = sqliteTable(
  'case_outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().references(() => cases.id),
    at: integer('at').notNull(),
    memberId: integer('member_id').references(() => members.id),
    method: text('method'),
    result: text('result').notNull(),
    lossAmount: real('loss_amount'),
    final: integer('final', { mode: 'boolean' }).notNull(),
    note: text('note'),
    /** A later 更正 replaced this outcome: the trail keeps both, figures use the newer one. */
    supersededAt: integer('superseded_at'),
  },
  (t) => [index('case_outcomes_case_idx').on(t.caseId), index('case_outcomes_at_idx').on(t.at, t.final)],
);

export const outreachLogs = sqliteTable(
  'outreach_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id').notNull().references(() => members.id),
    unitCode: text('unit_code').notNull().references(() => units.code),
    /** Local date (YYYY-MM-DD) in the profile's time zone. */
    day: text('day').notNull(),
    place: text('place').notNull(),
    form: text('form'),
    people: integer('people').notNull(),
    installs: integer('installs').notNull().default(0),
    leaflets: integer('leaflets').notNull().default(0),
    targets: text('targets', { mode: 'json' }).$type<string[]>(),
    note: text('note'),
    photoCount: integer('photo_count').notNull().default(0),
    rawText: text('raw_text').notNull(),
    messageId: text('message_id'),
    /** The room it was posted in (topic), or null for a private message. */
    room: text('room'),
    createdAt: integer('created_at').notNull(),
    withdrawnAt: integer('withdrawn_at'),
  },
  (t) => [index('outreach_unit_day_idx').on(t.unitCode, t.day), index('outreach_created_idx').on(t.createdAt), index('outreach_member_created_idx').on(t.memberId, t.createdAt), index('outreach_day_idx').on(t.day)],
);

export const shiftSummaries = sqliteTable(
  'shift_summaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitCode: text('unit_code').notNull().references(() => units.code),
    fromAt: integer('from_at').notNull(),
    toAt: integer('to_at').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    compiledAt: integer('compiled_at').notNull(),
  },
  (t) => [uniqueIndex('shift_summaries_unit_window_uq').on(t.unitCode, t.fromAt, t.toAt), index('shift_summaries_to_idx').on(t.toAt)],
);

/** Transactional outbox: rows written with the state change, relayed to BullMQ, marked when delivered. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Target queue, e.g. `outbound` (per bot) or `dispatch`. */
    queue: text('queue').notNull(),
    /** Deterministic BullMQ job id. */
    jobId: text('job_id').notNull().unique(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    priority: integer('priority').notNull().default(5),
    createdAt: integer('created_at').notNull(),
    relayedAt: integer('relayed_at'),
    deliveredAt: integer('delivered_at'),
    /** The case the message is about, if any (retention clears its payload with the case). */
    caseId: text('case_id'),
    /** BullMQ refused the job or WeChat refused it for good: never relayed again. */
    failedAt: integer('failed_at'),
    failReason: text('fail_reason'),
    /** Retention replaced the payload (so it is never rewritten again). */
    clearedAt: integer('cleared_at'),
    /** The bot account that delivered it (a backup account during a failover), or null. */
    sentBy: text('sent_by'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.deliveredAt, t.failedAt, t.relayedAt),
    index('outbox_case_idx').on(t.caseId),
    index('outbox_uncleared_idx').on(t.clearedAt, t.deliveredAt),
  ],
);

/** Chat messages already taken in: a replay by the puppet is never processed twice. */
export const inboundMessages = sqliteTable(
  'inbound_messages',
  {
    messageId: text('message_id').primaryKey(),
    receivedAt: integer('received_at').notNull(),
    processedAt: integer('processed_at'),
    senderWechatId: text('sender_wechat_id'),
    /** The bot answered this message with a refusal (refusals are limited per sender). */
    refusedAt: integer('refused_at'),
  },
  (t) => [index('inbound_refusals_idx').on(t.senderWechatId, t.refusedAt)],
);

/**
 * One-tap confirmations (1 = yes, 2 = no) of what the bot understood but must check first:
 * bound to the sender (and the case), stored so they survive a restart, valid for 10 minutes.
 */
export const pendingConfirmations = sqliteTable(
  'pending_confirmations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    senderWechatId: text('sender_wechat_id').notNull(),
    room: text('room'),
    caseId: text('case_id'),
    command: text('command', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    resolvedAt: integer('resolved_at'),
    /** confirmed | cancelled | superseded */
    resolution: text('resolution'),
  },
  (t) => [index('pending_confirmations_sender_idx').on(t.senderWechatId, t.resolvedAt, t.expiresAt)],
);

/** Audit of things that are not case changes: bindings, imports, admin actions. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    type: text('type').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/** Small key-value facts the service must remember across restarts (e.g. last compiled shift). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull().default(sql`(unixepoch() * 1000)`),
});

/** The sandbox transcript: every message of the mock world, in order, kept across restarts. */
export const sandboxMessages = sqliteTable('sandbox_messages', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  room: text('room'),
  fromName: text('from_name').notNull(),
  toName: text('to_name'),
  text: text('text').notNull(),
  messageId: text('message_id').unique(),
  /** The bot account that sent it (bot messages only). */
  bot: text('bot'),
});

/**
 * Every lead received, by its external id (idempotent intake): the lead that opened a case
 * and the repeat warnings merged into it.
 */
export const caseLeads = sqliteTable(
  'case_leads',
  {
    externalId: text('external_id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    receivedAt: integer('received_at').notNull(),
    level: text('level').notNull(),
    category: text('category'),
    amountAtRisk: real('amount_at_risk'),
    detail: text('detail'),
    /** `created` or `merged`. */
    outcome: text('outcome').notNull(),
  },
  (t) => [index('case_leads_case_idx').on(t.caseId)],
);

/**
 * Who spoke last in each room, without the text: a bare 收到 counts only when the bot's
 * dispatch to that worker is the latest message from anyone else.
 */
export const roomMessages = sqliteTable(
  'room_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    room: text('room').notNull(),
    at: integer('at').notNull(),
    /** Member name, or the bot's name. */
    sender: text('sender').notNull(),
    /** Set for the bot's dispatch messages: the case and the member it was dispatched to. */
    caseId: text('case_id'),
    mention: text('mention'),
  },
  (t) => [index('room_messages_room_idx').on(t.room, t.id)],
);

/**
 * Dated duty changes (src/domain/roster.ts): leave, extra duty and dated duty tables, from the
 * roster import and the chat (请假 / 批准 / 换班). Pending requests wait here for 批准 or 同意;
 * every row says who asked and who decided (the audit trail of duty changes).
 */
export const dutyChanges = sqliteTable(
  'duty_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** leave | duty | slot */
    kind: text('kind').notNull(),
    member: text('member').notNull(),
    unitCode: text('unit_code'),
    fromAt: integer('from_at').notNull(),
    toAt: integer('to_at').notNull(),
    label: text('label'),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull(),
    /** chat | import */
    source: text('source').notNull(),
    /** leave | swap | import: what the request was, for people. */
    request: text('request').notNull(),
    /** Rows of one request (both halves of a swap, one import) share it. */
    groupId: text('group_id').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: integer('requested_at').notNull(),
    /** For a swap: whose consent it waits for; for leave: null (any lead above the member). */
    awaiting: text('awaiting'),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
    note: text('note'),
  },
  (t) => [index('duty_changes_status_to_idx').on(t.status, t.toAt), index('duty_changes_group_idx').on(t.groupId)],
);
