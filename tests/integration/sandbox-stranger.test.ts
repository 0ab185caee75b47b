/**
 * Training: the sandbox's stranger (a contact on no roster) practises 绑定 with the bind code of
 * the member the training profile leaves unbound, and the page's picker offers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootSandbox, type SandboxFixture } from '../support/sandbox.js';

let sb: SandboxFixture;

beforeAll(async () => {
  sb = await bootSandbox('sandbox-stranger', { profile: 'bots/training.yaml' });
});
afterAll(async () => {
  await sb?.cleanup();
});

const says = async (from: string, text: string) => {
  const seq = await sb.say(from, 'bot', text);
  return sb.botMessage((m) => m.room === null && m.to === from, seq);
};

describe('the sandbox stranger', () => {
  it('is in the world without rooms, and the member left unbound is not', async () => {
    const world = (await (await fetch(`${sb.app.url()}/sandbox/world`)).json()) as any;
    expect(world.members).toContainEqual({ name: '陌生人', role: 'stranger', unit: '', unitName: '' });
    expect(world.members.map((m: { name: string }) => m.name)).not.toContain('新志愿');
    expect(world.rooms.flatMap((r: { members: string[] }) => r.members)).not.toContain('陌生人');
  });

  it('is asked to bind, binds with the unbound member\'s code, and is then that member', async () => {
    expect((await says('陌生人', '帮助')).text).toContain('您还没有绑定身份');
    expect((await says('陌生人', '绑定 R2H8NE')).text).toContain('这个绑定码已经用过了');
    expect((await says('陌生人', '绑定 t5g8bd')).text).toBe('绑定成功：您是幸福里社区的志愿者 新志愿。发送“帮助”查看常用指令。');
    const help = (await says('陌生人', '帮助')).text;
    expect(help).not.toContain('您还没有绑定身份');
    expect(help).toContain('宣传');
  });

  it('can practise again after a restart', async () => {
    sb = await sb.restart();
    expect((await says('陌生人', '帮助')).text).toContain('您还没有绑定身份');
  });

  it('pastes the bind code alone, is asked once, and binds with 1 (found by hand)', async () => {
    expect((await says('陌生人', 't5g8bd')).text).toContain('T5G8BD');
    expect((await says('陌生人', '1')).text).toBe('绑定成功：您是幸福里社区的志愿者 新志愿。发送“帮助”查看常用指令。');
  });

  it('is offered on the page as 陌生人（练习绑定）', async () => {
    const page = await (await fetch(`${sb.app.url()}/sandbox`)).text();
    expect(page).toContain("'陌生人（练习绑定）'");
    expect(page).toMatch(/role === 'stranger' \? STRANGER_OPTION/);
  });
});
