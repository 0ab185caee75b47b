/** Realistic leads for tests (phones are fictional but valid in form). */
let counter = 0;

export interface LeadInput {
  externalId?: string;
  level?: string;
  unit?: string;
  subject?: { name?: string; phone?: string; address?: string; idNumber?: string };
  category?: string;
  amountAtRisk?: number;
  detail?: string;
  assignee?: string;
}

/** A valid lead; every call gets a fresh external id and phone unless given. */
export function aLead(over: LeadInput = {}): Record<string, unknown> {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  return {
    externalId: over.externalId ?? `FZ-${Date.now()}-${n}`,
    level: over.level ?? 'urgent',
    unit: over.unit ?? 'G1',
    subject: { name: '张建国', phone: `1391234${n}`, address: '朝阳区幸福里小区3号楼2单元501', ...over.subject },
    category: over.category ?? '冒充公检法',
    amountAtRisk: over.amountAtRisk ?? 50000,
    detail: over.detail ?? '正在与自称民警的人通话，要求转账到安全账户',
    ...(over.assignee ? { assignee: over.assignee } : {}),
  };
}

export async function postLeads(baseUrl: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${baseUrl}/api/v1/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export async function getCase(baseUrl: string, caseId: string, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${baseUrl}/api/v1/cases/${caseId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: await res.json() };
}
