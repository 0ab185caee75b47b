import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeOutreach, OUTREACH_EXAMPLE, parseOutreach, type OutreachLog, type OutreachParsed } from '../../src/domain/outreach.js';
import { formatQuote } from '../../src/domain/text.js';

const BASE: OutreachLog = { place: '幸福里社区', form: null, people: 80, installs: 0, leaflets: 0, targets: [], note: null };
/** An accepted log: everything not given is the default (幸福里社区, 80人, nothing else). */
const logged = (more: Partial<OutreachLog> = {}): OutreachParsed => ({ ok: true, log: { ...BASE, ...more } });
const NOT_OUTREACH: OutreachParsed = { ok: false, reason: 'not_outreach' };
const refused = (reason: 'missing_people' | 'missing_place' | 'implausible', hint?: string | RegExp) => ({
  ok: false,
  reason,
  example: OUTREACH_EXAMPLE,
  ...(hint === undefined ? {} : { hint }),
});

describe('reading an outreach log', () => {
  it.each<[string, OutreachParsed]>([
    // The documented form and the variants.
    [OUTREACH_EXAMPLE, logged({ form: 'stall', installs: 25, targets: ['elderly'] })],
    ['宣传 幸福里社区 摆摊 80人 装APP 25 老年人', logged({ form: 'stall', installs: 25, targets: ['elderly'] })],
    ['宣传 幸福里社区 摆摊 覆盖90余人 安装反诈APP 30个 发放传单200份 对象 老年人', logged({ form: 'stall', people: 90, installs: 30, leaflets: 200, targets: ['elderly'] })],
    ['宣传 幸福里社区 进社区 覆盖80人', logged({ form: 'community' })],
    ['宣传 幸福里社区 摆摊 80余人', logged({ form: 'stall' })],
    ['宣传 幸福里社区 摆摊 80多人', logged({ form: 'stall' })],
    ['宣传 幸福里社区 摆摊 约80人', logged({ form: 'stall' })],
    ['宣传 幸福里社区 摆摊 八十人', logged({ form: 'stall' })],
    ['宣传 幸福里社区 讲座 两百人', logged({ form: 'lecture', people: 200 })],
    ['宣传 幸福里社区 一百余人', logged({ people: 100 })],
    ['宣传 幸福里社区 80人次', logged()],
    ['宣传 幸福里社区 80名 摆摊', logged({ form: 'stall' })],
    ['宣传 幸福里社区 摆摊 80人 发放传单200份', logged({ form: 'stall', leaflets: 200 })],
    ['宣传 幸福里社区 摆摊 80人 发传单200张', logged({ form: 'stall', leaflets: 200 })],
    ['宣传 幸福里社区 摆摊 80人 宣传册200份', logged({ form: 'stall', leaflets: 200 })],
    ['宣传 幸福里社区 80人 发传单200张 宣传册50本', logged({ leaflets: 250 })],
    ['宣传 幸福里社区 80人 装app25', logged({ installs: 25 })],
    ['宣传 幸福里社区 80人 安装反诈APP 25个', logged({ installs: 25 })],
    ['宣传 团结湖小学 进校园 300人 下载国家反诈中心APP25人', logged({ place: '团结湖小学', form: 'campus', people: 300, installs: 25 })],
    ['宣传 幸福里社区 80人 装APP 160', logged({ installs: 160 })],
    ['宣传 幸福里社区 5000人', logged({ people: 5000 })],
    // Every form.
    ['宣传 团结湖小学 进校园 学生300人', logged({ place: '团结湖小学', form: 'campus', people: 300, targets: ['students'] })],
    ['宣传 东坝村 进农村 约60人', logged({ place: '东坝村', form: 'village', people: 60 })],
    ['宣传 3号楼下 入户 30人', logged({ place: '3号楼下', form: 'household', people: 30 })],
    ['宣传 幸福里5号楼 进家庭 12人', logged({ place: '幸福里5号楼', form: 'household', people: 12 })],
    ['宣传 望京SOHO 进企业 员工120人', logged({ place: '望京SOHO', form: 'enterprise', people: 120, targets: ['employees'] })],
    ['宣传 朝阳大悦城门口 摆摊 80多人', logged({ place: '朝阳大悦城门口', form: 'stall' })],
    ['宣传 街道会议室 讲座 45人 对象 老年人', logged({ place: '街道会议室', form: 'lecture', people: 45, targets: ['elderly'] })],
    ['宣传 派出所 培训 30人 对象 财会人员', logged({ place: '派出所', form: 'training', people: 30, targets: ['finance_staff'] })],
    ['宣传 社区公众号 短视频 3000人', logged({ place: '社区公众号', form: 'video', people: 3000 })],
    ['宣传 街道融媒体 直播 2万人', logged({ place: '街道融媒体', form: 'video', people: 20000 })],
    ['宣传 文化广场 文艺汇演 500人', logged({ place: '文化广场', form: 'other', people: 500 })],
    // Any order.
    ['宣传 80人 摆摊 幸福里社区 装APP 25 对象 老年人', logged({ form: 'stall', installs: 25, targets: ['elderly'] })],
    ['宣传 装APP 25 对象 老年人 幸福里社区 摆摊 80人', logged({ form: 'stall', installs: 25, targets: ['elderly'] })],
    ['宣传 八十人 幸福里社区 讲座', logged({ form: 'lecture' })],
    // Full-width, punctuation, keywords, brackets.
    ['宣传\u3000幸福里社区\u3000摆摊\u3000８０人\u3000装ＡＰＰ２５', logged({ form: 'stall', installs: 25 })],
    ['宣传：幸福里社区，摆摊，80人，装APP 25，对象：老年人。', logged({ form: 'stall', installs: 25, targets: ['elderly'] })],
    ['反诈宣传 幸福里社区 摆摊 80人', logged({ form: 'stall' })],
    ['宣传登记 幸福里社区 摆摊 80人', logged({ form: 'stall' })],
    ['宣传台账：幸福里社区 摆摊 80人', logged({ form: 'stall' })],
    ['【宣传登记】幸福里社区 摆摊 80人', logged({ form: 'stall' })],
    // Mentions anywhere, a quoted reply to the bot's reminder.
    ['@网格哨兵 宣传 幸福里社区 摆摊 80人', logged({ form: 'stall' })],
    ['@网格哨兵\u2005宣传 幸福里社区 80人', logged()],
    ['宣传 幸福里社区 @李网格 摆摊 80人 @王社区', logged({ form: 'stall' })],
    [formatQuote('网格哨兵', '今天还没登记宣传活动', '宣传 幸福里社区 80人'), logged()],
    // Typed without spaces: counts when it carries a head count.
    ['宣传幸福里社区摆摊80人', logged({ form: 'stall' })],
    ['反诈宣传进校园 团结湖小学 学生300人', logged({ place: '团结湖小学', form: 'campus', people: 300, targets: ['students'] })],
    ['宣传 团结湖小学学生 进校园 200人', logged({ place: '团结湖小学', form: 'campus', people: 200, targets: ['students'] })],
    ['宣传 在幸福里社区开展反诈宣传活动 80人', logged()],
    // Targets.
    ['宣传 幸福里社区 摆摊 80人 对象 老年人、宝妈', logged({ form: 'stall', targets: ['elderly', 'women'] })],
    ['宣传 幸福里社区 80人 对象 听障人士', logged({ targets: ['hearing_impaired'] })],
    ['宣传 幸福里社区 80人 对象 外来务工人员', logged({ targets: ['migrants'] })],
    ['宣传 幸福里社区 80人 新市民', logged({ targets: ['migrants'] })],
    ['宣传 幸福里社区 80人 对象 辖区居民', logged({ targets: ['other'] })],
    ['宣传 幸福里社区 80人 老年人 学生', logged({ targets: ['elderly', 'students'] })],
    // Notes, and what is kept out of the head count.
    ['宣传 幸福里社区 摆摊 80人 备注：下雨提前收摊', logged({ form: 'stall', note: '下雨提前收摊' })],
    ['宣传 幸福里社区 摆摊 80人 备注 与派出所联合开展', logged({ form: 'stall', note: '与派出所联合开展' })],
    ['宣传 幸福里社区 摆摊 志愿者5人 覆盖80人', logged({ form: 'stall', note: '志愿者5人' })],
    ['宣传 3号楼 入户 12户 30人', logged({ place: '3号楼', form: 'household', people: 30, note: '12户' })],
    ['宣传 幸福里社区 80人 其中老年人50人', logged({ targets: ['elderly'], note: '其中老年人50人' })],
    ['宣传 11月16日 幸福里社区 摆摊 80人', logged({ form: 'stall', note: '11月16日' })],
    ['宣传 幸福里社区 摆摊+讲座 80人', logged({ form: 'stall', note: '讲座' })],
    ['宣传 幸福里社区 80人 效果很好', logged({ note: '效果很好' })],
    // The multi-line form some communities use.
    [
      '宣传登记\n时间：11月16日上午\n地点：幸福里社区文化广场\n形式：摆摊\n人数：80人\n装APP：25\n对象：老年人、学生\n备注：下雨，提前结束',
      logged({ place: '幸福里社区文化广场', form: 'stall', installs: 25, targets: ['elderly', 'students'], note: '下雨,提前结束 11月16日上午' }),
    ],
    ['宣传 地点：幸福里社区 形式：义诊 人数：80', logged({ form: 'other', note: '义诊' })],
    ['宣传 东门 80人 地点 幸福里社区', logged({ note: '东门' })],
    ['宣传 幸福里社区摆摊80人老年人', logged({ form: 'stall', targets: ['elderly'] })],
    [
      '宣传 朝阳区第一中学 进校园 师生500余人 发放宣传资料600余份 现场指导下载国家反诈中心APP 120余人',
      logged({ place: '朝阳区第一中学', form: 'campus', people: 500, installs: 120, leaflets: 600, targets: ['students'], note: '现场指导' }),
    ],
  ])('reads %j', (text, expected) => {
    expect(parseOutreach(text)).toEqual(expected);
  });
});

describe('asking for what is missing', () => {
  it.each<[string, Record<string, unknown>]>([
    ['宣传 幸福里社区 摆摊', refused('missing_people', '缺少覆盖人数')],
    ['宣传 幸福里社区 装APP 25', refused('missing_people', '缺少覆盖人数')],
    ['宣传', refused('missing_people', '缺少活动地点和覆盖人数')],
    ['宣传登记：', refused('missing_people', '缺少活动地点和覆盖人数')],
    // Keyword, a pause, then chatter: meant as a log, so the example is shown.
    ['宣传：今天效果很好', refused('missing_people', '缺少覆盖人数')],
    ['宣传 幸福里社区 摆摊 80', refused('missing_people', '缺少覆盖人数：“80”是人数吗？请写成“80人”')],
    ['宣传 幸福里社区 几十人', refused('missing_people', '人数请写具体数字，如“80人”')],
    ['宣传 幸福里社区 上百人', refused('missing_people', '人数请写具体数字，如“80人”')],
    ['宣传 摆摊 80人', refused('missing_place', '缺少活动地点')],
    ['宣传 80人 装APP 25 对象 老年人', refused('missing_place', '缺少活动地点')],
    ['宣传 进校园 学生300人', refused('missing_place', '缺少活动地点')],
    ['宣传 ' + '幸'.repeat(5000) + ' 80人', refused('missing_people')],
  ])('refuses %j with a hint and the example', (text, expected) => {
    expect(parseOutreach(text)).toMatchObject(expected);
  });
});

describe('questioning implausible numbers instead of storing them', () => {
  it.each<[string, string | RegExp]>([
    ['宣传 幸福里社区 摆摊 50000人', '一次活动覆盖50000人？请核对后重发'],
    ['宣传 幸福里社区 1.2万人', '一次活动覆盖12000人？请核对后重发'],
    ['宣传 幸福里社区 5001人', '一次活动覆盖5001人？请核对后重发'],
    ['宣传 直播间 直播 20万人', '一次活动覆盖200000人？请核对后重发'],
    ['宣传 幸福里社区 -5人', '人数不能是负数（-5人），请核对后重发'],
    ['宣传 幸福里社区 0人', '覆盖0人？请填写实际人数后重发'],
    ['宣传 幸福里社区 80.5人', '人数80.5不是整数，请核对后重发'],
    ['宣传 幸福里社区 80人 装APP 200', '装APP 200个，超过覆盖人数80人的两倍？请核对后重发'],
    ['宣传 幸福里社区 直播 8000人 装APP 6000', '一次活动装APP 6000个？请核对后重发'],
    ['宣传 幸福里社区 80人 装APP -3', '装APP数量不能是负数（-3），请核对后重发'],
    ['宣传 幸福里社区 80人 发放传单30000份', '一次活动发放传单30000份？请核对后重发'],
  ])('questions %j', (text, hint) => {
    expect(parseOutreach(text)).toEqual(refused('implausible', hint));
  });
});

describe('staying silent on what is not a log', () => {
  it.each<[string]>([
    ['今天宣传效果很好'],
    ['宣传效果很好'],
    ['宣传很到位'],
    ['宣传一下反诈知识'],
    ['宣传册还有吗'],
    ['宣传栏贴了海报20张'],
    ['反诈宣传月活动开始了'],
    ['大家辛苦了，明天继续宣传'],
    ['我们今天在幸福里社区宣传 80人'],
    ['收到 K7Q2'],
    ['@网格哨兵 帮助'],
    [''],
    ['  \u3000 '],
  ])('ignores %j', (text) => {
    expect(parseOutreach(text)).toEqual(NOT_OUTREACH);
  });
});

describe('describing a log', () => {
  it('repeats the example the way the issue shows it', () => {
    const got = parseOutreach(OUTREACH_EXAMPLE);
    expect(got.ok && describeOutreach(got.log)).toBe('幸福里社区 · 摆摊 · 80人 · 装APP 25 · 老年人');
  });

  it('leaves out what was not said and names leaflets and every target', () => {
    expect(describeOutreach({ ...BASE, leaflets: 200, targets: ['elderly', 'women'] })).toBe('幸福里社区 · 80人 · 传单200份 · 老年人、妇女');
  });

  it('clips a long place and a long note', () => {
    const line = describeOutreach({ ...BASE, place: '幸福里社区文化广场东侧停车场入口处旁边的空地上', form: 'other', note: '下雨提前收摊，现场与派出所民警联合开展，效果很好' });
    expect(line).toBe('幸福里社区文化广场东侧停车场入口处旁边的… · 其他形式 · 80人 · 备注：下雨提前收摊，现场与派出所民警联…');
  });
});

describe('any input', () => {
  const fragment = fc.oneof(
    fc.constantFrom(
      '宣传', '宣传登记', '反诈宣传', '宣传台账', '幸福里社区', '摆摊', '进校园', '80人', '八十人', '-5人', '0人', '50000人', '80余人', '装APP',
      '25', '装app25', '下载国家反诈中心APP25人', '发放传单200份', '对象', '老年人', '备注', '：', '，', '、', '\n', ' ', '\u3000', '@网格哨兵 ',
      '８０', '😂', '\u0000', '\u202e', '几十人', '1.2万', '-', '.', '「', '」', '- - - - - - - - - - - - - - -',
    ),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
  );

  it('never throws, and every refusal carries a hint and the example', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }), fc.array(fragment, { maxLength: 30 }).map((xs) => xs.join(''))), (text) => {
        const got = parseOutreach(text);
        if (got.ok) {
          expect(got.log.place).not.toBe('');
          expect(Number.isInteger(got.log.people) && got.log.people > 0 && got.log.people <= 100_000).toBe(true);
          expect(got.log.installs).toBeLessThanOrEqual(got.log.people * 2);
          expect(describeOutreach(got.log)).toContain(`${got.log.people}人`);
        } else if (got.reason !== 'not_outreach') {
          expect(got.hint).toMatch(/\S/);
          expect(got.example).toBe(OUTREACH_EXAMPLE);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is never a log when the keyword is not at the start', () => {
    fc.assert(
      fc.property(fc.constantFrom('今天', '大家', '我们', '明天继续', '请问'), fc.array(fragment, { maxLength: 20 }), (start, rest) => {
        expect(parseOutreach(start + rest.join(''))).toEqual(NOT_OUTREACH);
      }),
    );
  });
});

describe('a head count right after a leaflet word (found in train.jsonl: 发了传单 大概80个人 was refused)', () => {
  it('reads 传单 80人 as 80 people, not 80 leaflets', () => {
    expect(parseOutreach('宣传 公交站 发了传单 80人 发了100份')).toMatchObject({ ok: true, log: { people: 80, leaflets: 100 } });
  });
  it('still reads 传单 200 after the head count as leaflets', () => {
    expect(parseOutreach('宣传 公交站 60人 传单 200')).toMatchObject({ ok: true, log: { people: 60, leaflets: 200 } });
  });
});

describe('a lead-in before the place (found walking the volunteers\' room: 报一下今天的：团结湖公园 gave the place 报一下今天的团结湖公园)', () => {
  it('keeps only the place', () => {
    expect(parseOutreach('宣传 报一下今天的：团结湖公园 80人 装APP 20')).toMatchObject({ ok: true, log: { place: '团结湖公园', people: 80, installs: 20 } });
    expect(parseOutreach('宣传 今天的 幸福里广场 50人')).toMatchObject({ ok: true, log: { place: '幸福里广场', people: 50 } });
  });
});
