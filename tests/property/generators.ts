/**
 * Generators and checks shared by the property tests: realistic leads whose subject fields can
 * be recognised anywhere (so a leak is never a coincidence), hostile values of every JSON shape,
 * row counts of the tables intake writes, and a search for subject fields in texts.
 */
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { CATEGORIES, validateLeads } from '../../src/domain/lead.js';
import { maskAddress } from '../../src/domain/mask.js';
import type { OrgIndex } from '../../src/domain/org.js';
import type { TranscriptEntry } from '../../src/store/transcript.js';

/** Surnames and given-name characters that occur in no member name, room topic or bot phrase. */
const SURNAMES = [...'杨黄徐朱胡郭高罗梁宋唐许韩邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵严覃戴莫孔向汤'];
const GIVEN = [...'建秀英桂兰淑珍玉梅丽娟志强海燕春德宝山永刚杰俊峰霞辉琳婷磊鑫斌浩'];
const PLACES = ['朝阳区幸福里小区', '朝阳区团结湖北里', '东城区和平里西街', '海淀区花园路', '丰台区方庄芳城园'];

let serial = 0;
/** A fresh number per call, so generated external ids rarely repeat across runs. */
const next = () => (serial += 1);

const digits = (n: number) => fc.noBias(fc.integer({ min: 0, max: 10 ** n - 1 })).map((v) => String(v).padStart(n, '0'));

/** Mobile numbers outside the 17x range (which a millisecond timestamp could contain by chance). */
const aPhone = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom('13', '15', '18', '19'), digits(9)).map(([a, b]) => a + b) },
  // A few shared numbers, so later leads merge into open cases.
  { weight: 1, arbitrary: fc.constantFrom('13800001111', '15800002222', '18800003333') },
);

/** How a centre may write a phone: plain, +86 with separators, full-width digits. */
const aPhoneSpelling = fc.tuple(aPhone, fc.constantFrom('plain', 'spaced', 'dashed', 'fullwidth')).map(([p, style]) => {
  if (style === 'spaced') return `+86 ${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
  if (style === 'dashed') return `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`;
  if (style === 'fullwidth') return [...p].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
  return p;
});

/** A name with zero-width or bidi characters sprinkled in sometimes (refused by nobody, cleaned). */
const aName = fc
  .tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }), fc.constantFrom('', '', '', '\u200b', '\u202e', '\ufeff'))
  .map(([s, g, junk]) => (junk ? `${s}${junk}${g.join('')}` : s + g.join('')));

const anAddress = fc
  .tuple(fc.constantFrom(...PLACES), fc.integer({ min: 1, max: 40 }), fc.constantFrom('号楼', '栋', '幢'), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 2404 }))
  .map(([place, b, kind, u, r]) => `${place}${b}${kind}${u}单元${r}`);

/** An 18-character id number with a valid check digit. */
const anIdNumber = fc
  .tuple(fc.constantFrom('110105', '310101', '440305', '510107'), fc.integer({ min: 1930, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(3))
  .map(([region, y, m, d, seq]) => {
    const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
    return body + '10X98765432'[sum % 11]!;
  });

const anExternalId = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null).map(() => `PROP-${Date.now()}-${next()}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }).map((s) => `${next()}:${s}`) },
  { weight: 1, arbitrary: fc.constant(null).map(() => 9_000_000_000 + next()) },
  // Repeated ids: answered duplicate.
  { weight: 1, arbitrary: fc.constantFrom('PROP-DUP-1', 'PROP-DUP-2') },
);

/** A lead the contract accepts (in one of its many spellings). */
export const aValidLead: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      externalId: anExternalId,
      level: fc.constantFrom('urgent', 'high', 'medium', 'low', '紧急', '高危', '中危', '低危', 'HIGH', ' 紧急 '),
      unit: fc.constantFrom('G1', 'G2', 'G3', 'G4', '幸福里第一网格'),
      subject: fc.record({ name: aName, phone: aPhoneSpelling, address: anAddress, idNumber: fc.option(anIdNumber, { nil: undefined }) }, { requiredKeys: ['name', 'phone', 'address'] }),
      category: fc.constantFrom(...Object.values(CATEGORIES), 'rebate', '杀猪盘'),
      amountAtRisk: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('3万', '30000元', '￥12,000', '5,000元', '1.2万元', '两万', null, '')),
      detail: fc.constantFrom('正在与自称民警的人通话，要求转账到安全账户', '安装陌生APP并多次小额转账', '第一行\n第二行', ''),
      assignee: fc.constant('李网格'),
    },
    { requiredKeys: ['externalId', 'level', 'unit', 'subject'] },
  )
  .map((lead) => (lead.assignee ? { ...lead, unit: 'G1' } : lead));

const HUGE = 'x'.repeat(200_000);

/** Values of every JSON shape and the strings that broke or could break intake. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -1, 1.5, 1e21, -0, '', ' ', '\u3000', '0x10', '1e5', 'Infinity', 'NaN', '\u0000', 'A\u0000B', '\u200b\u200c\u200d', '\u3164\u3164',
    '\u202e', '\ud800', '***', 'X:1', 'a:b:c', '__proto__', 'constructor', '紧急', 'G1', '13912345678', '+86 139 1234 5678', '110105199001011232', '3万', '-5000',
    {}, [], [1, 2], { a: 1 }, { toString: 'x' }, { leads: [] }, [[]], HUGE,
  ),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  // Any UTF-16 code unit, unpaired surrogates included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 16 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Rows of the tables that taking in a lead writes. */
export function countRows(sqlite: Database.Database): Record<string, number> {
  const tables = ['cases', 'case_events', 'case_leads', 'outbox', 'audit_log', 'members'];
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
}

/** Subject values to look for: in logs (any of them, ever), in groups (those masking changes). */
export interface Secrets {
  logs: Set<string>;
  groups: Set<string>;
}

const RECOGNISABLE = {
  name: new RegExp(`^[${SURNAMES.join('')}][${GIVEN.join('')}]{1,2}$`, 'u'),
  phone: /^\d{11}$/,
  address: /单元\d+$/u,
  idNumber: /^\d{17}[\dX]$/,
};

/**
 * Adds the subject fields of every lead in a body to `into`, as the service would store them
 * (validated one lead at a time). Only values of the generators' recognisable shapes are kept,
 * so finding one elsewhere is a leak and not a coincidence.
 */
export function secretsOf(body: unknown, org: OrgIndex, into: Secrets): void {
  const items = body && typeof body === 'object' && 'leads' in body && Array.isArray(body.leads) ? (body.leads as unknown[]) : [body];
  for (const item of items) {
    const r = validateLeads(item, org);
    if (!r.ok) continue;
    const { name, phone, address, idNumber } = r.leads[0]!.subject;
    for (const [field, value] of [['name', name], ['phone', phone], ['address', address], ['idNumber', idNumber]] as const) {
      if (value === null || !RECOGNISABLE[field].test(value)) continue;
      into.logs.add(value);
      if (field !== 'address' || maskAddress(value) !== value) into.groups.add(value);
    }
  }
}

/** True when `text` holds `secret`; a number only counts standing alone (not inside 1.2190000000009). */
function contains(text: string, secret: string): boolean {
  if (!/^\d/.test(secret)) return text.includes(secret);
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
    if (!/\d/.test(text[at - 1] ?? '') && !/[\dX]/.test(text[at + secret.length] ?? '')) return true;
  }
  return false;
}

/** Every text that contains one of `secrets`, with the secret it contains. */
export function leakedSecrets(texts: string[], secrets: Set<string>): { secret: string; text: string }[] {
  const found: { secret: string; text: string }[] = [];
  for (const text of texts) {
    for (const secret of secrets) if (contains(text, secret)) found.push({ secret, text: text.slice(0, 400) });
  }
  return found;
}

/** The whole sandbox transcript, page by page (`/sandbox/messages` answers a page at a time). */
export async function wholeTranscript(messages: (after: number) => Promise<TranscriptEntry[]>): Promise<TranscriptEntry[]> {
  const all: TranscriptEntry[] = [];
  for (;;) {
    const page = await messages(all.at(-1)?.seq ?? 0);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** Waits until every outbox row is delivered (or marked failed); throws with the count left. */
export async function waitForOutbox(sqlite: Database.Database, timeoutMs: number): Promise<void> {
  const columns = (sqlite.prepare('pragma table_info(outbox)').all() as { name: string }[]).map((c) => c.name);
  const pending = sqlite.prepare(`select count(*) as n from outbox where delivered_at is null${columns.includes('failed_at') ? ' and failed_at is null' : ''}`);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const n = (pending.get() as { n: number }).n;
    if (n === 0) return;
    if (Date.now() > until) throw new Error(`${n} outbox rows still undelivered after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
