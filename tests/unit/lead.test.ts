import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
import { MAX_AMOUNT } from '../../src/domain/amount.js';
import { mapHeaders, rowToLead } from '../../src/domain/lead-columns.js';
import { chooseAssignee, isIdNumber, normalizePhone, routeLead, validateLeads } from '../../src/domain/lead.js';
import { indexOrg } from '../../src/domain/org.js';

const org = indexOrg(parseProfile(parse(readFileSync('bots/demo.yaml', 'utf8'))).org);
const lead = (over: Record<string, unknown> = {}) => ({
  externalId: 'FZ-1',
  level: 'urgent',
  unit: 'G1',
  subject: { name: '张建国', phone: '13912345678', address: '幸福里小区3号楼2单元501' },
  ...over,
});

describe('validating leads', () => {
  it.each([
    ['urgent', 'urgent'],
    ['紧急', 'urgent'],
    ['高危', 'high'],
    ['MEDIUM', 'medium'],
    ['低危', 'low'],
  ])('reads the level %s', (level, expected) => {
    const r = validateLeads(lead({ level }), org);
    expect(r.ok && r.leads[0]!.level).toBe(expected);
  });

  it('normalises phone, category and amount', () => {
    const r = validateLeads(lead({ subject: { name: '张三', phone: '+86 139-1234-5678', address: '3号楼' }, category: '杀猪盘', amountAtRisk: '5,000元' }), org);
    expect(r).toMatchObject({ ok: true, leads: [{ subject: { phone: '13912345678' }, category: 'romance', amountAtRisk: 5000 }] });
  });

  it('accepts a unit by its name', () => {
    expect(validateLeads(lead({ unit: '幸福里第二网格' }), org)).toMatchObject({ ok: true, leads: [{ unit: 'G2' }] });
  });

  it('names every bad field with its index', () => {
    const r = validateLeads(
      {
        leads: [
          lead(),
          lead({ externalId: 'FZ-2', level: 'critical', subject: { name: '张三', phone: '110', address: '' }, amountAtRisk: -1, assignee: '不存在' }),
        ],
      },
      org,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => `${e.index}:${e.field}`).sort()).toEqual(['1:amountAtRisk', '1:assignee', '1:level', '1:subject.address', '1:subject.phone']);
    }
  });

  it('refuses a missing subject, an empty batch and a too-large batch', () => {
    expect(validateLeads(lead({ subject: undefined }), org)).toMatchObject({ ok: false, errors: [{ field: 'subject' }] });
    expect(validateLeads({ leads: [] }, org)).toMatchObject({ ok: false, errors: [{ field: 'leads' }] });
    expect(validateLeads({ leads: Array.from({ length: 1001 }, () => lead()) }, org)).toMatchObject({ ok: false });
  });

  it('refuses a bad id number check digit', () => {
    expect(isIdNumber('110105199001011232')).toBe(true);
    expect(isIdNumber('110105199001011233')).toBe(false);
    const r = validateLeads(lead({ subject: { name: '张三', phone: '13912345678', address: '3号楼', idNumber: '110105199001011233' } }), org);
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'subject.idNumber' }] });
  });

  it.each([
    ['13912345678', '13912345678'],
    ['+8613912345678', '13912345678'],
    ['010-65123456', '01065123456'],
    ['12345678901', null],
    ['abc', null],
  ])('normalises the phone %s', (raw, phone) => expect(normalizePhone(raw)).toBe(phone));
});

/** The errors of one lead as `field: message` pairs, or the lead when it was accepted. */
function check(over: Record<string, unknown>) {
  const r = validateLeads(lead(over), org);
  return r.ok ? { ok: true as const, lead: r.leads[0]! } : { ok: false as const, fields: r.errors.map((e) => e.field), errors: r.errors };
}
const subject = (over: Record<string, unknown>) => ({ subject: { name: '张三', phone: '13912345678', address: '幸福里小区3号楼', ...over } });

describe('finding 2: strict intake types (issue 11)', () => {
  describe('externalId', () => {
    it.each([
      ['an object', {}],
      ['an object with a key', { a: 1 }],
      ['an array', [1, 2]],
      ['a boolean', true],
      ['null', null],
    ])('finding 2: %s externalId is refused, not turned into text', (_kind, externalId) => {
      expect(check({ externalId })).toMatchObject({ ok: false, fields: ['externalId'], errors: [{ index: 0, message: expect.stringMatching(/^expected a string, not /) }] });
    });

    it('finding 2: two leads whose ids are different objects are both refused, so neither answers duplicate', () => {
      const r = validateLeads({ leads: [lead({ externalId: { a: 1 } }), lead({ externalId: { b: 2 }, subject: { name: '李四', phone: '13900000002', address: '5号楼' } })] }, org);
      expect(r).toMatchObject({ ok: false, errors: [{ index: 0, field: 'externalId' }, { index: 1, field: 'externalId' }] });
    });

    it('accepts a whole JSON number as its decimal text (centre systems number their leads)', () => {
      expect(check({ externalId: 20261123001 })).toMatchObject({ ok: true, lead: { externalId: '20261123001' } });
      expect(check({ externalId: 0 })).toMatchObject({ ok: true, lead: { externalId: '0' } });
    });

    it.each([1.5, -1, 1e21, Number.MAX_SAFE_INTEGER + 2])('refuses the number %s as an externalId: it has no single spelling', (externalId) => {
      expect(check({ externalId })).toMatchObject({ ok: false, fields: ['externalId'] });
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['NUL', 'A\u00001'],
      ['a line break', 'A\n1'],
      ['a zero-width space', 'A\u200b1'],
      ['zero-width only', '\u200b\u200d'],
      ['a bidi override', 'A\u202e1'],
      ['129 characters', 'X'.repeat(129)],
    ])('finding 2: refuses an externalId with %s', (_what, externalId) => {
      expect(check({ externalId })).toMatchObject({ ok: false, fields: ['externalId'] });
    });

    it.each(['X:1', 'YJ-20261123-0001', '线索/2026 第1号', 'X'.repeat(128), '  A1  '])('accepts the printable externalId %j (trimmed)', (externalId) => {
      expect(check({ externalId })).toMatchObject({ ok: true, lead: { externalId: externalId.trim() } });
    });
  });

  describe('phone', () => {
    it.each([
      ['a number', 13912345678],
      ['an object', { n: '13912345678' }],
      ['an array', ['13912345678']],
      ['a boolean', true],
      ['null', null],
    ])('finding 2: a phone given as %s is refused, not turned into text', (_kind, phone) => {
      expect(check(subject({ phone }))).toMatchObject({ ok: false, fields: ['subject.phone'] });
    });

    it.each([
      ['+86 139-1234-5678', '13912345678'],
      ['86 13912345678', '13912345678'],
      ['(010) 6512-3456', '01065123456'],
      ['１３９１２３４５６７８', '13912345678'],
    ])('normalises the phone %j to digits', (phone, digits) => {
      expect(check(subject({ phone }))).toMatchObject({ ok: true, lead: { subject: { phone: digits } } });
    });

    it.each(['139\u200b12345678', '139\u000012345678', '0x13912345678', '1391234567８9'])('refuses the phone %j', (phone) => {
      expect(check(subject({ phone }))).toMatchObject({ ok: false, fields: ['subject.phone'] });
    });
  });

  describe('idNumber', () => {
    it('accepts 17 digits and a check X, upper-cased', () => {
      expect(isIdNumber('11010519491231002X')).toBe(true);
      expect(check(subject({ idNumber: '11010519491231002x' }))).toMatchObject({ ok: true, lead: { subject: { idNumber: '11010519491231002X' } } });
    });

    it.each([
      ['a number (18 digits do not fit in one)', 110105199001011232],
      ['an object', {}],
      ['a boolean', false],
      ['15 digits (first-generation, no longer valid)', '110105900101123'],
      ['blank', ' '],
      ['letters', 'ABCDEFGHIJKLMNOPQR'],
    ])('finding 2: refuses an idNumber given as %s', (_kind, idNumber) => {
      expect(check(subject({ idNumber }))).toMatchObject({ ok: false, fields: ['subject.idNumber'] });
    });

    it('treats a missing, null or empty idNumber as absent', () => {
      for (const idNumber of [undefined, null, '']) expect(check(subject({ idNumber }))).toMatchObject({ ok: true, lead: { subject: { idNumber: null } } });
    });
  });

  describe('names and addresses', () => {
    it.each([
      ['zero-width only', '\u200b\u200c\u200d\ufeff'],
      ['NUL', '张\u0000三'],
      ['only NUL', '\u0000'],
      ['another control character', '张\u0007三'],
      ['an unpaired surrogate', '张\ud800'],
      ['Hangul fillers that render blank', '\u3164\u3164'],
      ['punctuation only', '***'],
      ['an object', { toString: '张三' }],
      ['a number', 12345],
    ])('finding 2: refuses a name or an address with %s', (_what, value) => {
      expect(check(subject({ name: value }))).toMatchObject({ ok: false, fields: ['subject.name'] });
      expect(check(subject({ address: value }))).toMatchObject({ ok: false, fields: ['subject.address'] });
    });

    it('removes zero-width and bidi characters and folds line breaks, keeping the visible text', () => {
      expect(check(subject({ name: '张\u200b三\u202e', address: '幸福里小区\r\n3号楼\t2单元' }))).toMatchObject({
        ok: true,
        lead: { subject: { name: '张三', address: '幸福里小区 3号楼 2单元' } },
      });
    });

    it('cleans the detail the same way but keeps its lines, and refuses NUL there too', () => {
      expect(check({ detail: '第一行\n\u200b第二行' })).toMatchObject({ ok: true, lead: { detail: '第一行\n第二行' } });
      expect(check({ detail: 'a\u0000b' })).toMatchObject({ ok: false, fields: ['detail'] });
    });
  });

  describe('amountAtRisk', () => {
    it.each([
      [30000, 30000],
      [0, 0],
      [-0, 0],
      [12.345, 12.35],
      ['3万', 30000],
      ['30000元', 30000],
      ['￥12,000', 12000],
      ['5,000元', 5000],
      ['1.2万元', 12000],
    ])('reads %j as %d yuan', (amountAtRisk, yuan) => {
      const r = check({ amountAtRisk });
      expect(r.ok && Object.is(r.lead.amountAtRisk, yuan)).toBe(true);
    });

    it.each([
      ['hex', '0x10'],
      ['blank', ' '],
      ['an exponent', '1e5'],
      ['Infinity as text', 'Infinity'],
      ['negative', -1],
      ['negative text', '-5000'],
      ['words', '很多'],
      ['an object', {}],
      ['a boolean', true],
      ['an array', [5000]],
      ['above the one limit', MAX_AMOUNT + 1],
      ['above the one limit as text', '20亿'],
    ])('finding 2: refuses an amount given as %s (%j), never reading it as a number', (_what, amountAtRisk) => {
      expect(check({ amountAtRisk })).toMatchObject({ ok: false, fields: ['amountAtRisk'] });
    });

    it('finding 2: "0x10" is not 16 and " " is not 0', () => {
      expect(check({ amountAtRisk: '0x10' }).ok).toBe(false);
      expect(check({ amountAtRisk: ' ' }).ok).toBe(false);
    });

    it('treats a missing, null or empty amount as unknown', () => {
      for (const amountAtRisk of [undefined, null, '']) expect(check({ amountAtRisk })).toMatchObject({ ok: true, lead: { amountAtRisk: null } });
    });
  });

  it('still takes spreadsheet cells: numbers for ids, phones and amounts, dates as their text', () => {
    const { fields } = mapHeaders(['线索编号', '预警等级', '网格', '姓名', '手机号', '地址', '涉案金额', '预警详情']);
    const cells = [20261123001, '紧急', 'G1', '张三', 13912340001, '幸福里小区3号楼', 50000, 'Mon Nov 23 2026 08:00:00 GMT+0800'];
    expect(validateLeads(rowToLead(fields, cells), org)).toMatchObject({
      ok: true,
      leads: [{ externalId: '20261123001', subject: { phone: '13912340001' }, amountAtRisk: 50000, detail: 'Mon Nov 23 2026 08:00:00 GMT+0800' }],
    });
    expect(validateLeads(rowToLead(fields, ['A-2', '高危', 'G1', '李四', '139 1234 0002', '5号楼', '3万', null]), org)).toMatchObject({ ok: true, leads: [{ amountAtRisk: 30000 }] });
  });

  it('lists every bad field of every lead with index, field and message', () => {
    const r = validateLeads({ leads: [lead(), lead({ externalId: [], subject: { name: '\u200b', phone: 1, address: '\u0000', idNumber: 1 }, amountAtRisk: '0x10' })] }, org);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.every((e) => e.index === 1 && typeof e.message === 'string' && e.message.length > 0)).toBe(true);
      expect(r.errors.map((e) => e.field).sort()).toEqual(['amountAtRisk', 'externalId', 'subject.address', 'subject.idNumber', 'subject.name', 'subject.phone']);
    }
  });
});

describe('routing', () => {
  it('sends a grid lead to the grid task room with its workers as candidates', () => {
    const r = routeLead(org, { unit: 'G1', assignee: null });
    expect(r).toMatchObject({ ok: true, room: { topic: '幸福里第一网格工作群' } });
    if (r.ok) expect(r.workers.map((w) => w.name).sort()).toEqual(['周网格', '李网格']);
  });

  it('refuses a unit without a task room', () => {
    expect(routeLead(org, { unit: 'C1', assignee: null })).toMatchObject({ ok: false, field: 'unit', message: expect.stringContaining('no task room') });
  });

  it('refuses a named assignee who is not in the room', () => {
    expect(routeLead(org, { unit: 'G1', assignee: '刘网格' })).toMatchObject({ ok: false, field: 'assignee' });
  });

  it('falls back to the nearest lead when the unit has no worker', () => {
    const noWorkers = indexOrg({ ...org.org, members: org.org.members.filter((m) => m.unit !== 'G2') });
    const r = routeLead(noWorkers, { unit: 'G2', assignee: null });
    expect(r.ok && chooseAssignee(r, new Map(), new Map()).name).toBe('王社区');
  });

  it('picks the worker with the fewest open cases, then the one assigned least recently', () => {
    const r = routeLead(org, { unit: 'G1', assignee: null });
    if (!r.ok) throw new Error('routing failed');
    expect(chooseAssignee(r, new Map([['李网格', 2], ['周网格', 1]]), new Map()).name).toBe('周网格');
    expect(chooseAssignee(r, new Map([['李网格', 1], ['周网格', 1]]), new Map([['李网格', 100], ['周网格', 200]])).name).toBe('李网格');
    expect(chooseAssignee(r, new Map([['李网格', 1], ['周网格', 1]]), new Map([['李网格', 300], ['周网格', 200]])).name).toBe('周网格');
  });
});
