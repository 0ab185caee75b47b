import { describe, expect, it } from 'vitest';
import { parseMessage, readUtterance, type Command, type Parsed, type Result } from '../../src/domain/grammar.js';
import { formatQuote } from '../../src/domain/text.js';

const BOT = '网格哨兵';
const DISPATCH = '【紧急预警】K7Q2 冒充公检法\n对象：张*，138****1111\n地址：幸福里小区3号楼';

/** A WeChat quoted reply (引用) to `sender`'s message. */
const quoting = (quoted: string, reply: string, sender = BOT) => formatQuote(sender, quoted, reply);

const parse = (text: string, addressed = false) => parseMessage({ text, addressed, botName: BOT });
const command = (c: Command): Parsed => ({ ok: true, command: c });
const ack = (caseId: string | null, bare = false) => command({ kind: 'ack', caseId, bare });
const report = (caseId: string, result: Result, more: Partial<Extract<Command, { kind: 'report' }>> = {}) =>
  command({ kind: 'report', caseId, method: null, result, lossAmount: null, alsoReported: false, ...more });
const CHATTER: Parsed = { ok: false, reason: 'chatter' };
const UNKNOWN: Parsed = { ok: false, reason: 'unknown', example: '帮助' };
const HELP = command({ kind: 'help' });

/** [text, addressed (private chat or @bot), expected]: exact for commands and chatter. */
type Row = [string, boolean, Parsed];
/** [text, addressed, expected refusal]: partial, the reply's example and hint are checked where given. */
type RefusalRow = [string, boolean, Record<string, unknown>];

function table(rows: Row[]) {
  it.each(rows)('reads %j (addressed: %s)', (text, addressed, expected) => {
    expect(parse(text, addressed)).toEqual(expected);
  });
}
function refusals(rows: RefusalRow[]) {
  it.each(rows)('refuses %j (addressed: %s) and shows an example', (text, addressed, expected) => {
    const got = parse(text, addressed);
    expect(got).toMatchObject({ ok: false, ...expected });
    if (!got.ok && got.reason !== 'chatter') expect(got.example).toMatch(/\S/);
  });
}

describe('acknowledging a case with its id', () => {
  table([
    ['收到 K7Q2', false, ack('K7Q2')],
    ['收到K7Q2', false, ack('K7Q2')],
    ['K7Q2 收到', false, ack('K7Q2')],
    ['K7Q2收到', false, ack('K7Q2')],
    ['收到 k7q2', false, ack('K7Q2')],
    ['收到\u3000Ｋ７Ｑ２', false, ack('K7Q2')],
    ['ｋ７ｑ２\u3000收到', false, ack('K7Q2')],
    ['接单 K7Q2', false, ack('K7Q2')],
    ['接单：K7Q2', false, ack('K7Q2')],
    ['已收到 K7Q2', false, ack('K7Q2')],
    ['好的收到 K7Q2', false, ack('K7Q2')],
    ['收到了 K7Q2', false, ack('K7Q2')],
    ['马上去 K7Q2', false, ack('K7Q2')],
    ['立即处理 K7Q2', false, ack('K7Q2')],
    ['收到！K7Q2', false, ack('K7Q2')],
    ['收到，K7Q2。', false, ack('K7Q2')],
    ['收到;K7Q2?', false, ack('K7Q2')],
    ['@网格哨兵 收到 K7Q2', true, ack('K7Q2')],
    ['收到 @王社区 K7Q2', false, ack('K7Q2')],
    ['@网格哨兵收到K7Q2', false, ack('K7Q2')],
    ['好的，收到 K7Q2 马上去', false, ack('K7Q2')],
    ['K7Q2 收到了，马上出发', false, ack('K7Q2')],
    ['收到 K7Q2 谢谢', false, ack('K7Q2')],
    ['收到 K7Q2 K9P3', false, ack('K7Q2')],
    ['收到 #K7Q2#', false, ack('K7Q2')],
    ['【收到】K7Q2', false, ack('K7Q2')],
    ['收到 K7Q2AC', false, ack('K7Q2AC')],
    ['收到 k7q2a', false, ack('K7Q2A')],
    ['收到\u2005K7Q2', false, ack('K7Q2')],
    ['收\u200b到 K7Q2', false, ack('K7Q2')],
    ['嗯，收到K7Q2', false, ack('K7Q2')],
    ['收到\nK7Q2', false, ack('K7Q2')],
    ['\u0007收到\tK7Q2\u0000', false, ack('K7Q2')],
    ['OK K7Q2', false, ack('K7Q2')],
    ['我收到K7Q2了', true, ack('K7Q2')],
  ]);
});

describe('bare acknowledgements: only the word, the core decides from context', () => {
  table([
    ['收到', false, ack(null, true)],
    ['好的', false, ack(null, true)],
    ['收到了', false, ack(null, true)],
    ['ok', false, ack(null, true)],
    ['OK', false, ack(null, true)],
    ['Ok!', false, ack(null, true)],
    ['好', false, ack(null, true)],
    ['👌', false, ack(null, true)],
    ['👌🏻', false, ack(null, true)],
    ['👍', false, ack(null, true)],
    ['收到！', false, ack(null, true)],
    ['收到。', false, ack(null, true)],
    ['@网格哨兵 收到', true, ack(null, true)],
    ['已收到', false, ack(null, true)],
    ['好的收到', false, ack(null, true)],
    ['收到收到', false, ack(null, true)],
    ['收到啦', false, ack(null, true)],
    ['接单', false, ack(null, true)],
    ['收到，谢谢', true, ack(null, true)],
    ['@网格哨兵 收到，马上去', true, ack(null, true)],
    ['@王社区 收到', false, ack(null, true)],
  ]);
});

describe('sentences that merely contain an acknowledgement word are chatter', () => {
  table([
    ['1', false, CHATTER],
    ['好了', false, CHATTER],
    ['好吧', false, CHATTER],
    ['收到，谢谢', false, CHATTER],
    ['收到，谢谢大家', false, CHATTER],
    ['我收到快递了', false, CHATTER],
    ['我已经收到通知了', false, CHATTER],
    ['收到通知了吗', false, CHATTER],
    ['好的，明天见', false, CHATTER],
    ['ok then', false, CHATTER],
    ['马上去吃饭', false, CHATTER],
    ['谁收到K7Q2了？', false, CHATTER],
    ['收到的话回复一下', false, CHATTER],
  ]);
  refusals([['@网格哨兵 收到，谢谢大家', false, { reason: 'missing_case_id', example: '收到 K7Q2', hint: '缺少案件编号' }]]);
});

describe('reporting an outcome', () => {
  table([
    ['反馈 K7Q2 上门 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 电话 未接通', false, report('K7Q2', 'unreachable', { method: 'phone' })],
    ['反馈 K7Q2 已被骗 损失5000 已报警', false, report('K7Q2', 'defrauded', { lossAmount: 5000, alsoReported: true })],
    ['反馈 K7Q2 误报', false, report('K7Q2', 'false_positive')],
    ['反馈K7Q2上门劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈：K7Q2，上门，劝阻成功。', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 k7q2 劝阻成功 上门', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 上门 劝阻成功 K7Q2', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['K7Q2 反馈 上门 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 Ｋ７Ｑ２\u3000上门\u3000劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 @王社区 上门 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['@网格哨兵 反馈 K7Q2 上门 劝阻成功', true, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['回复 K7Q2 电话 关机', false, report('K7Q2', 'unreachable', { method: 'phone' })],
    ['结果 K7Q2 短信 已劝阻', false, report('K7Q2', 'dissuaded', { method: 'sms' })],
    ['处置 K7Q2 视频通话 成功劝阻', false, report('K7Q2', 'dissuaded', { method: 'video' })],
    ['反馈 K7Q2 见面 劝住了', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 入户 已劝住', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 当面 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 面谈 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 致电 无人接听', false, report('K7Q2', 'unreachable', { method: 'phone' })],
    ['反馈 K7Q2 打电话 没接', false, report('K7Q2', 'unreachable', { method: 'phone' })],
    ['反馈 K7Q2 外呼 空号', false, report('K7Q2', 'unreachable', { method: 'phone' })],
    ['反馈 K7Q2 发短信 联系不上', false, report('K7Q2', 'unreachable', { method: 'sms' })],
    ['反馈 K7Q2 视频 无法联系', false, report('K7Q2', 'unreachable', { method: 'video' })],
    ['反馈 K7Q2 上门 不在家', false, report('K7Q2', 'unreachable', { method: 'visit' })],
    ['反馈 K7Q2 电话 拒绝配合', false, report('K7Q2', 'refused', { method: 'phone' })],
    ['反馈 K7Q2 上门 不配合', false, report('K7Q2', 'refused', { method: 'visit' })],
    ['反馈 K7Q2 电话 挂断', false, report('K7Q2', 'refused', { method: 'phone' })],
    ['反馈 K7Q2 拒绝', false, report('K7Q2', 'refused')],
    ['反馈 K7Q2 上门 劝阻失败', false, report('K7Q2', 'refused', { method: 'visit' })],
    ['反馈 K7Q2 非诈骗', false, report('K7Q2', 'false_positive')],
    ['反馈 K7Q2 不是诈骗', false, report('K7Q2', 'false_positive')],
    ['反馈 K7Q2 电话 正常交易', false, report('K7Q2', 'false_positive', { method: 'phone' })],
    ['反馈 K7Q2 已报警', false, report('K7Q2', 'reported')],
    ['反馈 K7Q2 报警了', false, report('K7Q2', 'reported')],
    ['反馈 K7Q2 被骗了', false, report('K7Q2', 'defrauded')],
    ['反馈 K7Q2 电话未接通，上门劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 上门 未被骗 已劝阻', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['反馈 K7Q2 差点被骗 已劝阻', false, report('K7Q2', 'dissuaded')],
    ['反馈 K7Q2 电话 未报警 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'phone' })],
    ['反馈 K7Q2 劝阻成功 已报警', false, report('K7Q2', 'dissuaded', { alsoReported: true })],
  ]);
});

describe('reporting a loss: amounts as people type them', () => {
  table([
    ['反馈 K7Q2 已转账 损失2万', false, report('K7Q2', 'defrauded', { lossAmount: 20000 })],
    ['反馈 K7Q2 已经转账 损失 5千', false, report('K7Q2', 'defrauded', { lossAmount: 5000 })],
    ['反馈 K7Q2 上门 被骗3万 已报警', false, report('K7Q2', 'defrauded', { method: 'visit', lossAmount: 30000, alsoReported: true })],
    ['反馈 K7Q2 已被骗 损失1.2万元', false, report('K7Q2', 'defrauded', { lossAmount: 12000 })],
    ['反馈 K7Q2 损失5000', false, report('K7Q2', 'defrauded', { lossAmount: 5000 })],
    ['反馈 K7Q2 被骗 损失￥5,000', false, report('K7Q2', 'defrauded', { lossAmount: 5000 })],
    ['反馈 K7Q2 已被骗 损失两万', false, report('K7Q2', 'defrauded', { lossAmount: 20000 })],
    ['反馈 K7Q2 已被骗 损失3万5', false, report('K7Q2', 'defrauded', { lossAmount: 35000 })],
    ['反馈 K7Q2 已被骗 损失五千元 已报警', false, report('K7Q2', 'defrauded', { lossAmount: 5000, alsoReported: true })],
    ['反馈 K7Q2 被骗5000多元', false, report('K7Q2', 'defrauded', { lossAmount: 5000 })],
    ['反馈 K7Q2 已被骗 损失：5000元，已报警', false, report('K7Q2', 'defrauded', { lossAmount: 5000, alsoReported: true })],
    ['反馈 K7Q2 已被骗 损失５０００', false, report('K7Q2', 'defrauded', { lossAmount: 5000 })],
    ['反馈 K7Q2 被骗3次', false, report('K7Q2', 'defrauded')],
    ['反馈 K7Q2 被骗一次', false, report('K7Q2', 'defrauded')],
    ['K7Q2 已被骗 损失5000', false, report('K7Q2', 'defrauded', { lossAmount: 5000 })],
  ]);
  refusals([
    ['反馈 K7Q2 已被骗 损失-5000', false, { reason: 'bad_amount', example: '反馈 K7Q2 已被骗 损失5000 已报警' }],
    ['反馈 K7Q2 损失-5000', true, { reason: 'bad_amount' }],
    ['反馈 K7Q2 已被骗 损失一些', false, { reason: 'bad_amount' }],
    ['反馈 K7Q2 已被骗 损失1.2.3万', false, { reason: 'bad_amount' }],
    ['反馈 K7Q2 已被骗 损失5千万万', false, { reason: 'bad_amount' }],
    ['反馈 K9P3 被骗-300', false, { reason: 'bad_amount', example: '反馈 K9P3 已被骗 损失5000 已报警' }],
  ]);
});

describe('reporting without a keyword: an id with an outcome', () => {
  table([
    ['K7Q2 上门 劝阻成功', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['K7Q2 电话 关机', false, report('K7Q2', 'unreachable', { method: 'phone' })],
    ['K7Q2：已劝阻', false, report('K7Q2', 'dissuaded')],
    ['K7Q2 已上门 已劝阻', false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['@网格哨兵 K7Q2 我已经上门劝阻成功了', true, report('K7Q2', 'dissuaded', { method: 'visit' })],
    ['K7Q2 上门', false, CHATTER],
    ['K7Q2 这个我打电话问问', false, CHATTER],
  ]);
});

describe('incomplete reports get the missing part named', () => {
  refusals([
    ['反馈 K7Q2', false, { reason: 'missing_result', example: '反馈 K7Q2 上门 劝阻成功' }],
    ['反馈 K9P3 上门', false, { reason: 'missing_result', example: '反馈 K9P3 上门 劝阻成功' }],
    ['反馈 K7Q2 未被骗', false, { reason: 'missing_result' }],
    ['反馈 上门', true, { reason: 'missing_result', hint: '缺少案件编号和处置结果' }],
    ['@网格哨兵 反馈 上门 劝阻成功', false, { reason: 'missing_case_id', example: '反馈 K7Q2 上门 劝阻成功', hint: '缺少案件编号' }],
    ['已被骗 损失5000', true, { reason: 'missing_case_id', example: '反馈 K7Q2 已被骗 损失5000' }],
    ['@网格哨兵 劝阻成功', false, { reason: 'missing_case_id' }],
  ]);
  table([
    ['反馈 上门 劝阻成功', false, CHATTER],
    ['反馈 上门', false, CHATTER],
    ['大家小心别被骗', false, CHATTER],
    ['@网格哨兵 大家小心别被骗', false, UNKNOWN],
  ]);
});

describe('my cases, case status, live numbers and help', () => {
  table([
    ['我的', false, command({ kind: 'mine' })],
    ['待办', false, command({ kind: 'mine' })],
    ['我的待办', false, command({ kind: 'mine' })],
    ['我的案件', false, command({ kind: 'mine' })],
    ['@网格哨兵 我的待办呢？', true, command({ kind: 'mine' })],
    ['我的天', false, CHATTER],
    ['@网格哨兵 我的天', true, UNKNOWN],
    ['查 K7Q2', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['查询 K7Q2', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['进度 K7Q2', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['查K7Q2', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['查看 k7q2', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['K7Q2 进度', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['查询：Ｋ７Ｑ２', false, command({ kind: 'query', caseId: 'K7Q2' })],
    ['@网格哨兵 帮我查一下K7Q2的进度', true, command({ kind: 'query', caseId: 'K7Q2' })],
    ['查一下', false, CHATTER],
    ['进度怎么样了', false, CHATTER],
    ['统计', false, command({ kind: 'stats' })],
    ['今日', false, command({ kind: 'stats' })],
    ['今日统计', false, command({ kind: 'stats' })],
    ['数据', false, command({ kind: 'stats' })],
    ['统计！', false, command({ kind: 'stats' })],
    ['@网格哨兵 请发一下今日统计', true, command({ kind: 'stats' })],
    ['今日天气不错', false, CHATTER],
    ['数据不对', false, CHATTER],
    ['帮助', false, HELP],
    ['help', false, HELP],
    ['HELP', false, HELP],
    ['菜单', false, HELP],
    ['指令', false, HELP],
    ['怎么用', false, HELP],
    ['使用说明', false, HELP],
    ['@网格哨兵 帮助', false, HELP],
    ['?', true, HELP],
    ['？', true, HELP],
    ['@网格哨兵', false, HELP],
    ['?', false, CHATTER],
    ['大家辛苦了，今天帮助了好几位老人', false, CHATTER],
  ]);
  refusals([
    ['查', true, { reason: 'missing_case_id', example: '查 K7Q2' }],
    ['@网格哨兵 进度', false, { reason: 'missing_case_id', example: '查 K7Q2' }],
  ]);
});

describe('reassigning, supervising and cancelling', () => {
  table([
    ['转派 K7Q2 @王五', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['转派 K7Q2 给 王五', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['转派K7Q2给王五', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['改派 K7Q2 王五', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['K7Q2 转派给 王五', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['转派 @王五 K7Q2', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['@网格哨兵 转派 K7Q2 @周网格', true, command({ kind: 'reassign', caseId: 'K7Q2', to: '周网格' })],
    ['转派 k7q2 给 @王五', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['@王五 转派 K7Q2 给赵六', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '赵六' })],
    ['转派 K7Q2 @王五 他离得近', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['转派 K7Q2 给王五处理', false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    ['转派 王五', false, CHATTER],
    ['督办 K7Q2', false, command({ kind: 'supervise', caseId: 'K7Q2' })],
    ['已督办 K7Q2', false, command({ kind: 'supervise', caseId: 'K7Q2' })],
    ['督办：k7q2', false, command({ kind: 'supervise', caseId: 'K7Q2' })],
    ['督办一下', false, CHATTER],
    ['撤销 K7Q2 重复预警', false, command({ kind: 'cancel', caseId: 'K7Q2', reason: '重复预警' })],
    ['撤销 K7Q2 原因：对象已搬离本辖区', false, command({ kind: 'cancel', caseId: 'K7Q2', reason: '对象已搬离本辖区' })],
    ['撤销K7Q2，误派到本网格。', false, command({ kind: 'cancel', caseId: 'K7Q2', reason: '误派到本网格' })],
    ['撤销 K7Q2 重复预警，已与反诈中心确认', false, command({ kind: 'cancel', caseId: 'K7Q2', reason: '重复预警，已与反诈中心确认' })],
    ['撤销', false, CHATTER],
  ]);
  refusals([
    ['转派 K7Q2', false, { reason: 'missing_target', example: '转派 K7Q2 @王五', hint: '缺少转派对象' }],
    ['@网格哨兵 转派 K7Q2', false, { reason: 'missing_target' }],
    ['转派 @网格哨兵 K7Q2', false, { reason: 'missing_target' }],
    ['转派 王五', true, { reason: 'missing_case_id', hint: '缺少案件编号' }],
    ['督办', true, { reason: 'missing_case_id', example: '督办 K7Q2' }],
    ['撤销 K7Q2', false, { reason: 'missing_reason', example: '撤销 K7Q2 重复预警', hint: '缺少撤销原因' }],
    ['撤销 K7Q2 原因', false, { reason: 'missing_reason' }],
    ['撤销', true, { reason: 'missing_case_id' }],
  ]);
});

describe('binding a WeChat identity with a roster code', () => {
  table([
    ['绑定 K3P9QX', true, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定 k3p9qx', true, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定码 K3P9QX', true, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定码：K3P9QX', true, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定K3P9QX', true, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定 Ｋ３Ｐ９ＱＸ', true, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定 1234', true, command({ kind: 'bind', code: '1234' })],
    ['绑定 K3P9QX', false, command({ kind: 'bind', code: 'K3P9QX' })],
    ['绑定手机号', false, CHATTER],
  ]);
  refusals([
    ['绑定', true, { reason: 'missing_code', example: '绑定 K3P9QX' }],
    ['绑定手机号', true, { reason: 'missing_code' }],
    ['绑定 AB', true, { reason: 'missing_code' }],
    ['绑定 ABCDEFGHJKMNPQRTU', true, { reason: 'missing_code' }],
  ]);
});

describe('quoted replies to the bot take the case id from the quote', () => {
  table([
    [quoting(DISPATCH, '收到'), false, ack('K7Q2')],
    [quoting(DISPATCH, '好的'), false, ack('K7Q2')],
    [quoting(DISPATCH, '👌'), false, ack('K7Q2')],
    [quoting(DISPATCH, '收到，谢谢'), false, ack('K7Q2')],
    [quoting(DISPATCH, '收到，马上出发'), false, ack('K7Q2')],
    [quoting(DISPATCH, '上门 劝阻成功'), false, report('K7Q2', 'dissuaded', { method: 'visit' })],
    [quoting(DISPATCH, '已被骗 损失5000 已报警'), false, report('K7Q2', 'defrauded', { lossAmount: 5000, alsoReported: true })],
    [quoting(DISPATCH, '电话没接'), false, report('K7Q2', 'unreachable', { method: 'phone' })],
    [quoting(DISPATCH, '反馈 误报'), false, report('K7Q2', 'false_positive')],
    [quoting(DISPATCH, '查'), false, command({ kind: 'query', caseId: 'K7Q2' })],
    [quoting(DISPATCH, '进度'), false, command({ kind: 'query', caseId: 'K7Q2' })],
    [quoting(DISPATCH, '督办'), false, command({ kind: 'supervise', caseId: 'K7Q2' })],
    [quoting(DISPATCH, '转派 @王五'), false, command({ kind: 'reassign', caseId: 'K7Q2', to: '王五' })],
    [quoting(DISPATCH, '撤销 重复预警'), false, command({ kind: 'cancel', caseId: 'K7Q2', reason: '重复预警' })],
    [quoting(DISPATCH, '收到 K9P3'), false, ack('K9P3')],
    [quoting('【高危预警】ｋ７ｑ２', '收到'), false, ack('K7Q2')],
    [quoting(DISPATCH, '今天天气怎么样'), false, UNKNOWN],
    [quoting('我是网格哨兵，网格员常用指令：\n· 收到 K7Q2 —— 确认接单', '好的'), false, ack(null, true)],
    [quoting('【催办】K7Q2、K9P3 尚未接单', '收到'), false, ack(null, true)],
    [quoting('K7Q2 谁去一下', '收到', '王社区'), false, ack(null, true)],
    [quoting('K7Q2 谁去一下', '上门 劝阻成功', '王社区'), false, CHATTER],
    [quoting('K7Q2 谁去一下', '收到 K7Q2', '王社区'), false, ack('K7Q2')],
  ]);
});

describe('group chatter is never taken for a command', () => {
  table([
    ['大家反馈很好', false, CHATTER],
    ['反馈一下昨天的情况', false, CHATTER],
    ['我在上门的路上', false, CHATTER],
    ['他说已经被骗了', false, CHATTER],
    ['电话打不通', false, CHATTER],
    ['大家注意K7Q2这个案子', false, CHATTER],
    ['2024年反诈宣传', false, CHATTER],
    ['APP下载量统计', false, CHATTER],
    ['辛苦了👍', false, CHATTER],
    ['明天8点开会', false, CHATTER],
    ['[图片]', false, CHATTER],
    ['哈哈哈', false, CHATTER],
    ['😂', false, CHATTER],
    ['K7Q2', false, CHATTER],
    ['', false, CHATTER],
    ['。。。', false, CHATTER],
    ['@王社区 今天的会几点开', false, CHATTER],
  ]);
});

describe('a message meant for the bot that it cannot understand gets an example', () => {
  table([
    ['@网格哨兵 今天天气怎么样', false, UNKNOWN],
    ['你好', true, UNKNOWN],
    ['哈哈', true, UNKNOWN],
    ['好的，谢谢', true, UNKNOWN],
  ]);
  refusals([['K7Q2', true, { reason: 'unknown', example: '查 K7Q2' }]]);
});

describe('long and odd input', () => {
  it('reads only the first 2000 characters', () => {
    expect(parse(`收到 K7Q2 ${'x'.repeat(5000)}`)).toEqual(ack('K7Q2'));
    expect(parse(`${'x'.repeat(2000)}收到 K7Q2`)).toEqual(CHATTER);
    expect(parse(`${'x'.repeat(2000)}收到 K7Q2`, true)).toEqual(UNKNOWN);
  });

  it('never throws on input that is not a string', () => {
    expect(parseMessage({ text: undefined as unknown as string, addressed: false, botName: BOT })).toEqual(CHATTER);
    expect(parseMessage({ text: null as unknown as string, addressed: true, botName: BOT })).toMatchObject({ ok: true });
    expect(parseMessage({ text: '收到 K7Q2', addressed: false, botName: undefined as unknown as string })).toEqual(ack('K7Q2'));
  });
});

describe('readUtterance', () => {
  it('splits quote, folds full-width, removes mentions and trailing full stops', () => {
    expect(readUtterance(quoting('【紧急预警】K7Q2', '@网格哨兵\u2005收到　Ｋ７Ｑ２。'))).toEqual({
      body: '收到 K7Q2',
      quote: { sender: BOT, text: '【紧急预警】K7Q2' },
      mentions: [BOT],
    });
  });

  it('separates a bot mention typed without a space when it knows the bot name', () => {
    expect(readUtterance('@网格哨兵收到 K7Q2 @王五', BOT)).toEqual({ body: '收到 K7Q2', quote: null, mentions: [BOT, '王五'] });
  });
});
