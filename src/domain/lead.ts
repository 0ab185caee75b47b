/**
 * Leads from the anti-fraud centre: validation of every field with its path (DESIGN.md
 * "Public contract"), normalisation (levels in English or Chinese, phones, categories),
 * and routing to a task room and candidate assignees. Pure.
 */
import { dutyCandidates, nearestOnDuty, type Duty, type DutyHow } from './duty-routing.js';
import { z } from 'zod';
import type { OrgIndex } from './org.js';
import { readAmountAtRisk, readExternalId, readIdNumber, readPhone, readVisibleText, type FieldRead } from './lead-fields.js';
import { LEVELS, LEVEL_ZH, type Level, type Member, type Room } from './types.js';

export { isIdNumber, normalizePhone } from './lead-fields.js';

export const CATEGORIES = {
  rebate: '刷单返利',
  investment: '虚假投资理财',
  loan: '虚假网络贷款',
  customer_service: '冒充电商物流客服',
  police: '冒充公检法',
  credit: '虚假征信',
  game: '网络游戏虚假交易',
  romance: '网络婚恋交友',
  impersonation: '冒充领导熟人',
  deepfake: 'AI换脸换声',
  other: '其他',
} as const;
export type Category = keyof typeof CATEGORIES;

/** A validated, normalised lead. */
export interface Lead {
  externalId: string;
  level: Level;
  unit: string;
  subject: { name: string; phone: string; address: string; idNumber: string | null };
  category: Category | null;
  amountAtRisk: number | null;
  detail: string | null;
  assignee: string | null;
}

export interface LeadError {
  index: number;
  field: string;
  message: string;
}

export const MAX_BATCH = 1000;

const LEVEL_WORDS = new Map<string, Level>([
  ...LEVELS.map((l) => [l, l] as [string, Level]),
  ...LEVELS.map((l) => [LEVEL_ZH[l], l] as [string, Level]),
  ['紧急预警', 'urgent'], ['高危预警', 'high'], ['中危预警', 'medium'], ['低危预警', 'low'],
  ['高', 'high'], ['中', 'medium'], ['低', 'low'],
]);

const CATEGORY_WORDS = new Map<string, Category>([
  ...Object.keys(CATEGORIES).map((c) => [c, c as Category] as [string, Category]),
  ...Object.entries(CATEGORIES).map(([c, zh]) => [zh, c as Category] as [string, Category]),
  ['刷单', 'rebate'], ['投资理财', 'investment'], ['贷款', 'loan'], ['冒充客服', 'customer_service'],
  ['公检法', 'police'], ['征信', 'credit'], ['游戏交易', 'game'], ['杀猪盘', 'romance'], ['婚恋交友', 'romance'],
  ['冒充熟人', 'impersonation'], ['冒充领导', 'impersonation'], ['AI换脸', 'deepfake'], ['other', 'other'],
]);

/**
 * A zod schema around one of the strict readers of `lead-fields.ts`: the reader sees the raw
 * value (nothing is coerced first) and its message becomes the field's error.
 */
function field<T>(read: (v: unknown) => FieldRead<T>) {
  return z.unknown().transform((v, ctx): T => {
    const r = read(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });
}

/** Optional visible text: missing, null and "" mean absent; anything else must be text. */
const optionalText = (max: number, lines = false) =>
  field<string | null>((v) => (v === null || v === '' ? { ok: true, value: null } : readVisibleText(v, max, lines))).optional();

function leadSchema(org: OrgIndex) {
  const unitByName = new Map(org.org.units.map((u) => [u.name, u.code]));
  return z.object({
    externalId: field(readExternalId),
    level: z
      .string({ message: 'expected urgent|high|medium|low or 紧急|高危|中危|低危' })
      .transform((s, ctx) => {
        const level = LEVEL_WORDS.get(s.trim().toLowerCase());
        if (!level) ctx.addIssue({ code: 'custom', message: `unknown level "${s}": expected urgent|high|medium|low or 紧急|高危|中危|低危` });
        return level ?? 'low';
      }),
    unit: z.string({ message: 'expected a unit code' }).transform((s, ctx) => {
      const code = org.unit(s.trim()) ? s.trim() : unitByName.get(s.trim());
      if (!code) ctx.addIssue({ code: 'custom', message: `unknown unit "${s}"` });
      return code ?? '';
    }),
    subject: z.object(
      {
        name: field((v) => readVisibleText(v, 32)),
        phone: field(readPhone),
        address: field((v) => readVisibleText(v, 200)),
        idNumber: field(readIdNumber).optional(),
      },
      { message: 'expected { name, phone, address }' },
    ),
    category: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z
        .string()
        .transform((s, ctx) => {
          const c = CATEGORY_WORDS.get(s.trim());
          if (!c) ctx.addIssue({ code: 'custom', message: `unknown category "${s}": expected one of ${Object.values(CATEGORIES).join('、')}` });
          return c ?? 'other';
        })
        .optional(),
    ),
    amountAtRisk: field(readAmountAtRisk).optional(),
    detail: optionalText(500, true),
    assignee: optionalText(64).refine((n) => n == null || !!org.member(n), { message: 'unknown member' }),
  });
}

/** Building the schema costs more than checking a lead with it: one per org. */
const schemas = new WeakMap<OrgIndex, ReturnType<typeof leadSchema>>();
function schemaFor(org: OrgIndex): ReturnType<typeof leadSchema> {
  let schema = schemas.get(org);
  if (!schema) schemas.set(org, (schema = leadSchema(org)));
  return schema;
}

/** Turns a zod path into the contract's field name: `subject.phone`. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(lead)';
}

/**
 * Validates a request body: one lead or `{ leads: [...] }`. All-or-nothing: any error means no leads.
 * @example validateLeads({ externalId: 'A1', level: '紧急', unit: 'G1', subject: {...} }, org)
 */
export function validateLeads(body: unknown, org: OrgIndex): { ok: true; leads: Lead[] } | { ok: false; errors: LeadError[] } {
  const raw = body && typeof body === 'object' && 'leads' in body ? (body as { leads: unknown }).leads : [body];
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, errors: [{ index: 0, field: 'leads', message: 'expected a lead or { "leads": [ ... ] } with at least one lead' }] };
  if (raw.length > MAX_BATCH) return { ok: false, errors: [{ index: 0, field: 'leads', message: `at most ${MAX_BATCH} leads per request` }] };
  const schema = schemaFor(org);
  const errors: LeadError[] = [];
  const leads: Lead[] = [];
  const seen = new Map<string, number>();
  // Routing depends only on the unit and the named assignee: leads naming none share their unit's.
  const unitRoutes = new Map<string, Routing>();
  raw.forEach((item, index) => {
    const r = schema.safeParse(item);
    if (!r.success) {
      for (const i of r.error.issues) errors.push({ index, field: fieldOf(i.path), message: i.message });
      return;
    }
    const d = r.data;
    const lead: Lead = {
      externalId: d.externalId,
      level: d.level,
      unit: d.unit,
      subject: { name: d.subject.name, phone: d.subject.phone, address: d.subject.address, idNumber: d.subject.idNumber ?? null },
      category: d.category ?? null,
      amountAtRisk: d.amountAtRisk ?? null,
      detail: d.detail ?? null,
      assignee: d.assignee ?? null,
    };
    const earlier = seen.get(lead.externalId);
    if (earlier !== undefined) {
      const first = leads[earlier];
      if (first && JSON.stringify(first) !== JSON.stringify(lead)) errors.push({ index, field: 'externalId', message: `same externalId as lead ${earlier} with different content` });
    } else seen.set(lead.externalId, leads.length);
    let routing = lead.assignee ? undefined : unitRoutes.get(lead.unit);
    if (!routing) {
      routing = routeLead(org, lead);
      if (!lead.assignee) unitRoutes.set(lead.unit, routing);
    }
    if (!routing.ok) errors.push({ index, field: routing.field, message: routing.message });
    leads.push(lead);
  });
  return errors.length ? { ok: false, errors } : { ok: true, leads };
}

export type Routing =
  | { ok: true; room: Room; named: Member | null; workers: Member[]; fallback: Member | null; how?: DutyHow }
  | { ok: false; field: string; message: string };

const CAN_HANDLE = new Set(['worker', 'lead', 'supervisor']);

/**
 * Where a lead goes: the task room of its unit, and who may take it — the named assignee,
 * else the unit's workers, else the nearest lead (DESIGN.md "Routing").
 * @example routeLead(org, lead) // { ok: true, room: { topic: '幸福里第一网格工作群', ... }, workers: [...] }
 */
export function routeLead(org: OrgIndex, lead: Pick<Lead, 'unit' | 'assignee'>, duty?: Duty): Routing {
  const unit = org.unit(lead.unit);
  if (!unit) return { ok: false, field: 'unit', message: `unknown unit "${lead.unit}"` };
  const room = org.org.rooms.find((r) => r.unit === unit.code && r.purpose === 'tasks');
  if (!room) return { ok: false, field: 'unit', message: `unit ${unit.code} (${unit.name}) has no task room in the profile` };
  let named: Member | null = null;
  if (lead.assignee) {
    named = org.member(lead.assignee) ?? null;
    if (!named || !CAN_HANDLE.has(named.role)) return { ok: false, field: 'assignee', message: `"${lead.assignee}" is not a worker, lead or supervisor` };
    if (!org.roomMembers(room).some((m) => m.name === named!.name)) {
      return { ok: false, field: 'assignee', message: `"${lead.assignee}" is not in the task room "${room.topic}"` };
    }
  }
  // With rosters: who is on duty (src/domain/duty-routing.ts); without: every worker of the unit.
  const candidates = duty ? dutyCandidates(org, unit.code, duty) : null;
  const workers = candidates ? candidates.members : org.org.members.filter((m) => m.unit === unit.code && m.role === 'worker');
  const fallback = duty ? nearestOnDuty(org, unit.code, 'lead', duty) : org.nearest(unit.code, 'lead');
  if (!named && workers.length === 0 && !fallback) {
    return { ok: false, field: 'unit', message: `unit ${unit.code} (${unit.name}) has no worker and no lead to take cases` };
  }
  return { ok: true, room, named, workers, fallback, ...(candidates ? { how: candidates.how } : {}) };
}

/**
 * Picks the assignee fairly: the named one, else the worker with the fewest open cases,
 * ties broken by who was assigned least recently (round robin), else the fallback lead.
 * @example chooseAssignee(routing, new Map([['李网格', 2]]), new Map()) // member 周网格
 */
export function chooseAssignee(routing: Extract<Routing, { ok: true }>, openCases: Map<string, number>, lastAssignedAt: Map<string, number>): Member {
  if (routing.named) return routing.named;
  if (routing.workers.length === 0) return routing.fallback!;
  const ranked = [...routing.workers].sort(
    (a, b) =>
      (openCases.get(a.name) ?? 0) - (openCases.get(b.name) ?? 0) ||
      (lastAssignedAt.get(a.name) ?? -1) - (lastAssignedAt.get(b.name) ?? -1) ||
      a.name.localeCompare(b.name),
  );
  return ranked[0]!;
}

/** Level order: urgent is highest. */
export function levelRank(level: Level): number {
  return LEVELS.length - LEVELS.indexOf(level);
}
