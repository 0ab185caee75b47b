import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProfile } from '../../src/config.js';
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
