/** Outreach told as a sentence, as a volunteer typed it when trying the sandbox as a new user. */
import { describe, expect, it } from 'vitest';
import { readOutreach } from '../../src/domain/understand/outreach-sentence.js';

describe('an outreach sentence without the 宣传 keyword at its start', () => {
  it('keeps 摆摊 as the form when the place phrase ends right before it, and no filler in the note', () => {
    const { parsed } = readOutreach('今天上午在幸福里菜市场摆摊宣传，来了大概60个人，装了15个反诈APP');
    expect(parsed).toEqual({ ok: true, log: { place: '幸福里菜市场', form: 'stall', people: 60, installs: 15, leaflets: 0, targets: [], note: null } });
  });

  it('reads 摆了个摊 as 摆摊 and 40多个人 as 40 people', () => {
    const { parsed } = readOutreach('在幸福里社区摆了个摊，来了40多个人');
    expect(parsed).toMatchObject({ ok: true, log: { place: '幸福里社区', form: 'stall', people: 40, installs: 0, note: null } });
  });
});
