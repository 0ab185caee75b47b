/**
 * Spreadsheet columns of the centre's lead sheets, in Chinese or English, mapped to lead
 * fields. Pure: a header row and value rows in, lead objects out (validated elsewhere).
 */

const COLUMNS: Record<string, string[]> = {
  externalId: ['externalid', 'external_id', 'id', '线索编号', '预警编号', '外部编号', '编号', '线索id'],
  level: ['level', '等级', '预警等级', '风险等级', '级别'],
  unit: ['unit', '单位', '网格', '所属网格', '责任单位', '单位编码', '网格编码'],
  'subject.name': ['name', 'subject.name', '姓名', '受害人', '受害人姓名', '当事人', '预警对象'],
  'subject.phone': ['phone', 'subject.phone', '电话', '手机', '手机号', '手机号码', '联系电话', '号码'],
  'subject.address': ['address', 'subject.address', '地址', '住址', '居住地址', '家庭住址'],
  'subject.idNumber': ['idnumber', 'subject.idnumber', '身份证', '身份证号', '身份证号码', '证件号码'],
  category: ['category', '类型', '诈骗类型', '类别', '案件类型'],
  amountAtRisk: ['amountatrisk', 'amount', '金额', '涉案金额', '风险金额', '涉及金额'],
  detail: ['detail', '详情', '备注', '情况', '预警详情', '线索详情'],
  assignee: ['assignee', '指派', '负责人', '处置人', '指定网格员'],
};

const LOOKUP = new Map<string, string>(Object.entries(COLUMNS).flatMap(([field, names]) => names.map((n) => [n, field] as [string, string])));

const clean = (h: string) => h.replace(/[\s*（）()：:]/g, '').toLowerCase();

/**
 * Maps header cells to lead fields; unknown headers are reported, not guessed.
 * @example mapHeaders(['线索编号', '等级', '网格']) // { fields: ['externalId', 'level', 'unit'], unknown: [] }
 */
export function mapHeaders(headers: string[]): { fields: (string | null)[]; unknown: string[]; missing: string[] } {
  const fields = headers.map((h) => LOOKUP.get(clean(h)) ?? null);
  const unknown = headers.filter((h, i) => h.trim() !== '' && fields[i] === null);
  const required = ['externalId', 'level', 'unit', 'subject.name', 'subject.phone', 'subject.address'];
  const missing = required.filter((f) => !fields.includes(f));
  return { fields, unknown, missing };
}

/**
 * Builds a lead object from one row of cells, by the mapped fields. Empty cells are left out.
 * @example rowToLead(['externalId', 'subject.name'], ['A1', '张三']) // { externalId: 'A1', subject: { name: '张三' } }
 */
export function rowToLead(fields: (string | null)[], cells: unknown[]): Record<string, unknown> {
  const lead: Record<string, unknown> = {};
  const subject: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    if (!field) return;
    const raw = cells[i];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') return;
    if (field.startsWith('subject.')) subject[field.slice(8)] = typeof value === 'number' ? String(value) : value;
    else if (field === 'amountAtRisk') lead[field] = value;
    else lead[field] = typeof value === 'number' ? String(value) : value;
  });
  lead.subject = subject;
  return lead;
}
