import { describe, expect, it } from 'vitest';
import { helpFor, helpForStranger } from '../../src/domain/replies.js';
import { ROLES } from '../../src/domain/types.js';

describe('help', () => {
  it('teaches a worker to acknowledge and report', () => {
    const text = helpFor('worker', '网格哨兵');
    expect(text).toMatch(/^我是网格哨兵，网格员常用指令/);
    expect(text).toContain('收到 K7Q2');
    expect(text).toContain('反馈 K7Q2 上门 劝阻成功');
    expect(text).not.toContain('转派');
  });

  it('teaches a volunteer outreach logs, not case commands', () => {
    const text = helpFor('volunteer', '网格哨兵');
    expect(text).toContain('宣传 ');
    expect(text).not.toMatch(/收到|反馈|转派/);
  });

  it('gives supervisors 督办', () => expect(helpFor('supervisor', '网格哨兵')).toContain('督办 K7Q2'));

  it.each(ROLES)('fits on a phone screen for %s', (role) => {
    const lines = helpFor(role, '网格哨兵').split('\n');
    expect(lines.length).toBeLessThanOrEqual(8);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('tells a stranger how to bind', () => expect(helpForStranger('网格哨兵')).toMatch(/绑定 [A-Z0-9]{6}/));
});
