import { describe, expect, it } from 'vitest';
import { helpFor, helpForStranger } from '../../src/domain/replies.js';
import { ROLES } from '../../src/domain/types.js';

describe('help', () => {
  it('teaches a worker to acknowledge and report', () => {
    const text = helpFor('worker', '网格哨兵');
    expect(text).toMatch(/^我是网格哨兵，网格员常用指令/);
    expect(text).toContain('收到 K7Q2');
    expect(text).toContain('反馈 K7Q2 劝住了');
    expect(text).toContain('打不通');
    expect(text).not.toContain('转派');
  });

  it('shows the natural forms: a quoted alert with 收到, 更正 within 30 minutes, 1 / 2 to confirm', () => {
    const text = helpFor('worker', '网格哨兵');
    expect(text).toMatch(/引用预警回“收到”/);
    expect(text).toContain('更正 K7Q2 劝阻成功');
    expect(text).toMatch(/30分钟/);
    expect(text).toMatch(/回 1 确认，回 2 取消/);
  });

  it('teaches a lead 重办 and 更正', () => {
    const text = helpFor('lead', '网格哨兵');
    expect(text).toContain('重办 K7Q2 原因');
    expect(text).toContain('更正 K7Q2 劝阻成功');
  });

  it('teaches a volunteer outreach logs, not case commands', () => {
    const text = helpFor('volunteer', '网格哨兵');
    expect(text).toContain('宣传 ');
    expect(text).not.toMatch(/收到|反馈|转派/);
  });

  it('gives supervisors 督办', () => expect(helpFor('supervisor', '网格哨兵')).toContain('督办 K7Q2'));

  it.each(ROLES)('fits on a phone screen for %s', (role) => {
    const lines = helpFor(role, '网格哨兵').split('\n');
    expect(lines.length).toBeLessThanOrEqual(9);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('tells a stranger how to bind', () => expect(helpForStranger('网格哨兵')).toMatch(/绑定 [A-Z0-9]{6}/));
});
