/**
 * The case grammar's vocabulary: every word workers, leads and supervisors use for case
 * commands, outcomes, questions and confirmations (STYLE.md "One word, one place"). Pure data;
 * the lexer (grammar-lexer.ts) and the understanding step (understand/) read it.
 */
import type { Method, Result } from './case-machine.js';

/**
 * A command keyword's meaning.
 * @example const k: WordKind = 'ack' // 收到
 */
export type WordKind = 'help' | 'ack' | 'report' | 'mine' | 'query' | 'reassign' | 'supervise' | 'cancel' | 'stats' | 'bind' | 'correct' | 'reopen';

/**
 * Command keywords. `correct` and `reopen` are read by the understanding step only.
 * @example KEYWORDS.ack.includes('接单') // true
 */
export const KEYWORDS: Record<WordKind, readonly string[]> = {
  help: ['帮助', 'help', '菜单', '指令', '怎么用', '使用说明', '求帮助', '给个帮助', '看帮助', '帮主', '帮组', '帮筑'],
  ack: [
    '收到', '收到了', '已收到', '好的收到', '接单', '已接单', '我接单', '接单了', '收倒', '我接了', '我来接', '归我', '接了', '已接', '我接', '交给我', '我来吧', '交给俺', '交给俺吧', '交给我吧', '在跟了', '正在跟', '我知道了', '俺晓得了', '知悉', '已知悉', '收啦', '收了', '接手', '我来接手', '接下来了', '归我了', '包在我身上', '由我负责', '由我前往', '由本人接收', '即刻处置', '搁路上', '秒到', '走起', '冲冲冲', '立刻动身', '这就动身', '马上动身', '我动身', '马上克', '前往途中', '已在前往', '正往那边赶', '往那边赶', '快到了',
    '马上去', '马上到', '马上处理', '立即处理', '立刻处理', '马上前往', '立即前往', '马上上门', '立即上门', '马上出发', '立即出发', '正在前往',
    '马上过去', '这就去', '这就过去', '这就出发', '现在过去', '现在就去', '立刻过去', '立马过去', '立马去', '我去看看', '我去一趟', '我过去看看',
    '在路上', '在路上了', '正在路上', '在去的路上', '在去的路上了', '路上了', '已出发', '出发了', '已经出发', '已在处理', '正在处理', '我来处理', '我处理', '我去', '我来', '在去了', '已经在去了',
    '马上联系', '立即处置', '马上处置', '认领', '我认领', '收下', '在途', '下楼', '出发', '现在去', '先接', '这就下楼', '这就整', '马上整',
    // Voice input and handwriting for 收到 (alone or before the id only: 受到影响 is not one; read.ts).
    '受到', '手到', '首到', '收道', '受到了',
  ],
  report: ['反馈', '回复', '结果', '处置', '反馈结果', '处置结果', '回报', '汇报', '返馈', '反溃', '反会'],
  mine: ['我的', '待办', '我的待办', '我的案件', '我的任务', '我的单子', '我手上', '我名下', '代办', '我的代办'],
  query: [
    // check一下 K7Q2: the English word, as young workers type it.
    'check',
    '查', '查询', '进度', '查看', '查进度', '查询进度', '什么情况', '啥情况', '怎么样了', '咋样了', '进展', '情况如何', '到哪一步', '办得怎么样',
    '目前状态', '最新情况', '状态', '详情', '处理了没有', '处理了没', '多久', '几点', '进展如何', '信息再发', '看看', '看下', '看一眼', '瞅一眼', '瞄一眼', '瞅瞅', '瞅一下',
    '如何了', '现在怎样', '怎样了', '记录', '留痕', '调取', '调一下', '处置情况', '办理情况', '看一下', '查一下',
    // 这单后来呢, S5QE 怎么还没动静: what became of it.
    '后来呢', '后来怎么样', '后来咋样', '后来如何', '结果呢', '结果出来没', '结果出来了没', '结果出来了吗', '处置结果出来没', '处置结果出来了吗', '处置结果呢', '进展呢', '怎么还没动静', '咋还没动静', '怎么没动静', '咋没动静', '啥动静', '什么动静', '有动静没',
  ],
  reassign: [
    '转派', '改派', '转给', '交给', '派给', '转交', '移交', '转派给', '改派给', '改由', '换成', '换', '指派', '重新指派', '分派', '重派', '转单', '重新分配', '改给', '划给', '划到',
    '指派给', '分配给',
  ],
  supervise: [
    '督办', '已督办', '我来督办', '我督办', '我盯着', '我盯一下', '盯一下', '我来盯', '我跟进', '督促', '催办', '督查', '都办', '盯着', '督着', '我盯', '我督',
    '过问', '我包了', '亲自盯', '亲自督', '亲自跟', '亲自跟进', '我去催', '我协调', '我来协调', '马上协调', '我负责跟进', '来盯', '我来跟', '负责督', '督一下', '督着点',
    // Pushing the worker: 催一下, 帮我催催, 让他赶紧去.
    '催一下', '催下', '催催', '催一催', '催促一下', '催他', '让他赶紧', '叫他赶紧', '赶紧让他',
    // Said of a case by a lead: K7Q2 盯紧点, K7Q2 抓紧, K7Q2 尽快处置 (only with the case named: SUPERVISE_WITH_CASE).
    '盯紧', '盯紧点', '抓紧', '抓紧办', '抓紧处理', '赶紧处理', '尽快处理', '尽快处置', '抓紧处置', '加急', '我跟一下', '跟一下', '安排人去', '马上安排', '盯死', '盯住', '我跟',
    '跟进一下', '我这边跟进', '盯到底', '我来催', '我去催一下', '我负责盯',
  ],
  cancel: ['撤销', '撤消', '作废', '撤单', '销案', '取消', '撤了', '撤掉', '撤咯', '撤吧', '撤了吧'],
  stats: ['统计', '今日', '今日统计', '数据', '今日数据', '今天数据', '本班数据', '汇总'],
  bind: ['绑定', '绑定码', '绑一下', '绑上', '帮我绑', '绑个', '绑一哈'],
  correct: ['更正', '改正', '纠正', '更改', '修改', '改成', '改为', '应改为', '写错了', '报错了', '选错', '填错', '搞错了', '弄错了', '应该是', '点错了', '点错', '手滑了', '手滑', '打错了', '按错了', '输错了', '改一哈', '改一下', '改下', '结果改', '说错了', '反馈错了', '反馈有误', '报有误', '填错了'],
  reopen: ['重办', '重新办理', '重新处理', '重开', '重新打开', '再办'],
};

/**
 * Thanks and praise, said to the bot or about its message: nothing to answer.
 * @example SOCIAL.test('好的谢谢') // true
 */
export const SOCIAL = /^(?:你|您)?(?:(?:辛苦了?|辛苦辛苦|辛苦啦|谢谢|感谢|多谢|谢了|谢啦|好的谢谢|收到谢谢|太好了|点赞|赞|棒|真棒|好样的|厉害|给力|牛|666+|好用|真好用|挺好用|谢谢\s?(?:真|很|挺)?(?:好用|方便)的?|没问题|晚安|早安|早上好|上午好|中午好|下午好|晚上好|早点休息|哨兵|机器人|小哨兵|小助手|哈哈+|呵呵+|嘿嘿+|🙏|👏|💪|❤️)[\s\p{P}\p{S}啊呀哈了啦大家您你真]*)+$/u;

/**
 * A greeting or "who are you" put to the bot: answered with what it does (帮助).
 * @example GREETING.test('你好') // true
 */
export const GREETING = /^(?:你好|您好|你好呀|哈喽|嗨|hi|hello|你是谁|你是干嘛的|你是干什么的|你叫啥|你叫什么|你是机器人吗)[\s\p{P}\p{S}啊呀哈吗呢]*$/iu;

/**
 * 督办 words that push only when the case is named or quoted: alone (抓紧！) they are chatter.
 * @example SUPERVISE_WITH_CASE.has('抓紧') // true
 */
export const SUPERVISE_WITH_CASE: ReadonlySet<string> = new Set(['盯紧', '盯紧点', '抓紧', '抓紧办', '抓紧处理', '赶紧处理', '尽快处理', '尽快处置', '抓紧处置', '加急', '我跟一下', '跟一下', '安排人去', '马上安排', '盯死', '盯住', '我跟', '我来跟', '跟进一下', '我这边跟进', '盯到底', '我来催']);

/**
 * The acknowledgement keywords that take a case outright; the others (马上过去, 在路上) are
 * progress remarks once a case is acknowledged.
 * @example STRONG_ACK.includes('收到') // true
 */
export const STRONG_ACK: readonly string[] = ['收到', '收到了', '已收到', '好的收到', '接单', '已接单', '我接单', '接单了', '收倒', '受到', '手到', '首到', '收道', '受到了'];

/**
 * 收到 as voice input or handwriting writes it: an acknowledgement only alone, before the case
 * id or a remark, never with an object of its own (老人受到惊吓).
 * @example MISHEARD_ACK.has('受到') // true
 */
export const MISHEARD_ACK: ReadonlySet<string> = new Set(['受到', '手到', '首到', '收道', '受到了']);

/**
 * Acknowledgement words that count only alone (bare) or next to nothing but a case id.
 * @example WEAK_ACK.includes('好的') // true
 */
export const WEAK_ACK: readonly string[] = ['好的', '好', '嗯', '没问题', '冇问题', '妥了', '妥妥的', '好滴', '好嘞', '好哒', '得嘞', '行', '要得', '好好', '晓得', '晓得了', '晓得嘞', '晓得咯', '晓得啦', '知悉', '已知悉', '懂了', '我知道了', '收啦', '嗯呐', '嗯哪', '好势', '嗯好', '嗯行', '好好好', '行行', '行行行', 'okk', 'okok', 'ok了', 'copy', 'get', 'copy that', '👌', '👍', 'ok', 'okay', '明白', '明白了', '嗯嗯', '知道了', '了解', '收悉', '🫡', '💪', '🆗', '得令', '遵命', '冲了冲了', '冲冲冲', '冲鸭', '走了走了', '得呢', '来了来了', '妥', '来了', '知道啦'];

/**
 * How a worker reached the person, by method.
 * @example METHODS.visit.includes('上门') // true
 */
export const METHODS: Record<Method, readonly string[]> = {
  visit: ['上门', '见面', '入户', '当面', '面谈', '上门见面', '走访', '到家里', '去家里', '到老人家', '去老人家', '到他家', '去他家', '到她家', '去她家', '到现场', '现场', '上的门', '上了门', '上他家', '上她家', '上家里', '家里去', '登门'],
  phone: ['电话', '致电', '打电话', '外呼', '电话联系', '通电话', '打了电话', '打过去', '我打过去了', '俺打过去了', '我打过去', '刚打过去了', '电话打过去了'],
  sms: ['短信', '发短信', '发微信', '微信'],
  video: ['视频', '视频通话', '微信视频'],
};

/**
 * Outcome words, by result. Longer phrases win over the words inside them (没劝住 over 劝住).
 * @example RESULTS.dissuaded.includes('劝住了') // true
 */
export const RESULTS: Record<Result, readonly string[]> = {
  dissuaded: [
    '劝阻成功', '已劝阻', '成功劝阻', '已劝下', '叫停了', '当场叫停', '及时制止', '制止了', '已经劝下', '已识破', '识破了', '劝住了', '已劝住', '已经劝阻', '劝阻了', '劝住', '劝下来了', '劝下来', '劝下了', '拦住了', '拦住', '拦下', '拦下了', '拦到了', '醒过腔来', '醒过神来', '回过神来', '被我拦在', '给拦在', '一分没取', '一分钱没取',
    '已拦截', '已经拦截', '拦截成功', '成功拦截', '拦截了', '已止付', '止付了', '已经止付', '劝回来了', '钱保住了', '保住了', '劝到了', '劝到起了', '莫转了', '答应莫转',
    '听劝了', '已经听劝', '打消了念头', '不转了', '答应不转', '没转成', '没被骗成', '放弃转账', '已放弃', '做通了工作', '做通工作', '听进去了',
    '醒悟', '已醒悟', '止住了', '成功止住', '钱都在', '完成劝阻', '已完成劝阻', '劝好啦', '劝好了', '劝好', '成功劝下', '成功阻止', '已成功阻止', '想明白了', '听取意见', '劝阻ok', '劝阻好了', '劝租成功', '已劝租', '工作做通了', '做通了', '思想工作做通', '被劝下', '已被劝下', '被劝住', '已被劝阻', '被劝阻', '被劝住了', '被劝下来了', '劝组成功', '以劝阻', '已劝组', '劝阻成功了', '拦截住了', '被我拦下了', '拦下来了', '拽回来了', '给拽回来了', '拉回来了', '被我拉回来了', '被我拦到了', '被我拦到', '给拦到了', '截住', '截下', '被我按住了', '给按住了', '按住了',
    // What voice input and handwriting make of it.
    // 老人已经明白过来了, 视频里跟老人说通了: the victim sees it now.
    '明白过来了', '明白过来', '说通了', '想通了', '反应过来了', '识破了', '明白是骗局', '知道是骗局', '意识到是骗局', '明白是诈骗', '知道是诈骗', '总算明白了', '不投了', '不买了', '不汇了', '没再转', '没有再转',
    '全组成功', '全阻成功', '劝阻成攻', '劝主了', '钱没转', '钱都没转', '一分没转', '一分钱没转', '劝好了', '已经劝好了', '劝停了', '已劝停', '删了骗子', '把骗子删了', '拉黑了骗子', '把骗子拉黑',
  ],
  defrauded: [
    '已被骗', '被骗了', '钱已转', '钱已经转了', '打到对方卡上', '钱已经打到', '没拦下来', '钱已转走', '转过一笔', '转了一笔', '已经转过', '已经交过', '已经给了钱', '已经给钱了', '钱已经给了', '钱都给了', '卡密都发过去了', '卡密发过去了', '卡密已经发过去', '卡密都给了', '交过钱', '交过一回钱', '交过一次钱', '已经交了钱', '已交钱', '钱已经交了', '钱已经出去了', '钱出去了', '晚了一步', '着骗了', '遭骗了', '遭骗', '着骗', '已转账', '已经转账', '被骗', '已经被骗', '已上当', '上当了', '已汇款', '转出去了', '已经转出去', '钱已经转了', '已经转了',
    '转走了', '被骗走', '骗走了', '骗走', '遭骗', '遭骗了', '遭诈骗', '遭遇诈骗', '骗了老人', '已经上当', '转完了', '转完钱', '已经转完', '都转完了', '已转出', '钱款已转出', '已被转走', '被转走', '已完成转账', '完成转账', '钱已到对方账户', '已到对方账户', '到对方账户了', '受骗了', '已受骗', '上当受骗', '钱没了', '钱没有了', '已经汇了', '汇出去了', '打过去了', '转过去了', '损失了', '转了', '转走', '已经转走', '钱转走了', '坑了', '被坑', '转出去',
  ],
  unreachable: [
    '屋里冇得人', '冇得人', '冇人在家', '屋里没人', '屋里没有人', '家里没有人', '没回复', '不回复', '没有回复', '没回消息', '不回消息', '忙音', '一直忙音', '都是忙音', '未接通', '没回音', '没有回音', '没回应', '没有回应', '都没回音', '没接', '没接通', '未接', '没人接', '无人接听', '不接', '关机', '停机', '空号', '联系不上', '联系不到', '无法联系', '无法接通', '失联',
    '不在家', '家中无人', '家里没人', '没人在家', '都没人', '也没人', '还是没人', '打不通', '占线', '一直占线', '没人应', '无人应答', '敲门没人', '门没人', '没人开门', '电话不通', '接不通', '找不到人',
    '连系不上', '联习不上', '打不同', '都不通', '一直不通', '还是不通', '老是不通', '总是不通', '打不进去', '打不进', '没有人接听', '没有人接', '没得人接', '没得人接听', '都不回', '不回消息', '不回复', '屋里没人', '家里没有人', '无人在家', '门锁着', '大门锁着', '锁着门', '屋头没人', '木人接', '木有人接', '木人', '屋头冇人', '门锁起的', '门锁起', '大门紧锁', '铁将军把门', '屋没人', '搬走了', '已搬走', '早搬走了',
  ],
  refused: [
    // 咣当把门关了: the door shut on the worker.
    '把门关了', '把门一关', '门一关', '咣当把门关了', '把我们关门外',
    '拒绝配合', '不配合', '拒绝', '挂断', '挂了', '拒接', '不接受', '劝阻失败', '劝阻无效', '劝不住', '不听劝', '劝不动', '没劝住', '没劝动', '没拦住', '没能拦住', '不听', '不开门',
    '不让进', '不给见', '不让见', '不理', '不肯', '态度强硬', '未能劝住', '劝阻未果', '无法劝动', '劝动不了', '不愿意配合', '不愿配合', '听不进去', '不承认', '不让我们进门', '不让进门', '劝不听', '油盐不进', '具绝配合', '据绝配合', '死活不信', '就是不信', '根本不信', '不相信我们', '拦不住', '劝不了', '把我拉黑', '拉黑了我', '被拉黑', '门都不开', '不给开门', '不肯开门', '不让我们管', '不让管', '不用我们管', '不要我们管', '不让我们插手', '坚持要投', '坚持要转', '坚持要汇', '执意要转', '执意要投', '非要转', '非要投', '说我们不懂',
  ],
  false_positive: ['核实为正常', '核实正常', '经核实正常', '核实是正常', '误报', '务报', '物报', '勿报', '非诈骗', '不是诈骗', '正常交易', '不涉诈', '非涉诈', '误判', '不是骗局', '没有诈骗', '正常借款', '是误报', '误抱', '不是被骗', '正常业务', '并非诈骗', '正常还款', '正常转账', '不属于诈骗', '不属于电诈', '不是电诈', '不涉及诈骗', '并非被骗', '并非诈骗'],
  reported: ['已报警', '报警了', '已经报警', '报了警', '已报案', '报案了', '已经报案', '打了110', '报了110', '打110了', '打了110了', '直接打110', '做了笔录', '做笔录', '录了口供', '立案了', '已立案', '已经报了警', '报110', '已报110', '交给派出所', '移交派出所', '陪同报警', '已陪同报警', '陪着报警', '报了案', '报的案', '去报案', '去派出所报案', '报的警', '去派出所报案', '报案', '派出所报案', '已保警', '保警了', '以报警', '已经保警', '带到派出所', '带去派出所', '到派出所报警', '派出所报警', '带他去报警', '带她去报警', '报警处理', '已报警处理', '转报警', '走报警', '立案', '已立案', '已经立案', '立了案', '报过警', '报过警了', '报过案', '报过案了', '打110报警', '已打110', '已打110报警', '打过110', '警也报了', '案也报了', '警察也报了', '去报警了', '陪着去报警了', '去报警', '警已经报了', '向公安机关报警', '已向公安机关报警', '公安机关报警', '其报警', '陪同其报警', '陪其报警', '陪老人报警', '陪老人去报警', '陪同老人报警', '陪同老人去报警', '陪同家属报警', '陪家属报警', '带老人报警', '带老人去报警', '陪他去报警', '陪她去报警', '陪他报警', '陪她报警', '自行报警', '已自行报警', '自己报警了', '自己报了警', '自己去报警了', '派出所已经受理', '派出所已受理', '派出所受理了', '警方已受理', '警方受理了', '已经受理了'],
};

/**
 * Words before a loss amount.
 * @example LOSS.includes('损失') // true
 */
export const LOSS: readonly string[] = ['损失', '损失金额', '被骗金额', '实际损失', '金额', '损了', '亏了', '损失了', '亏', '交了', '缴了', '付了', '垫了'];

/**
 * Phrases that contain a result word but do not say it: 未被骗 is not 被骗. What nearly happened
 * or is feared (差点上当, 以免被骗) the understanding step reads by scope (SCOPE_MARKERS.unreal);
 * those phrases stay listed for the keyword grammar only.
 * @example NEUTRAL.includes('未被骗') // true
 */
export const NEUTRAL: readonly string[] = [
  // 对方报的警号018637: the caller's badge number, no report to the police.
  '报的警号', '警号', '警官证',
  '意识到被骗', '意识到是骗', '意识到上当', '知道是骗', '发现是骗', '识破了骗', '未被骗', '没被骗', '没有被骗', '未受骗', '未上当', '没上当', '没有上当', '未转账', '没转账', '没有转账', '未汇款', '别被骗', '不要被骗', '未报警', '没报警', '没有报警',
  '无损失', '没有损失', '未造成损失', '没损失', '不是误报', '非误报', '怎么被骗', '被骗的', '被骗过', '被骗案例', '拒绝诈骗', '拒绝陌生',
  // 被骗子骂了一通: by the scammer, not defrauded (被骗子骗走了3万 still is).
  '被骗子骂', '被骗子吓', '被骗子威胁', '被骗子洗脑', '被骗子催', '被骗子盯上', '被骗子缠上', '被骗子拉黑', '被骗子挂', '被骗子教', '被骗怕', '被骗子远程', '被骗子远控', '被骗子控制', '被骗子加', '被骗子拉进',
  // 先让他关机, 骗子让关的: the phone switched off on purpose, no failed call.
  '让他关机', '让她关机', '让老人关机', '骗子让关',
  // 骗子挂了又打, 我直接挂了, 老人挂了对方电话: a call ended by the scammer or the worker, or on the scammer; no refusal.
  '骗子挂', '我直接挂', '我挂了', '我就挂了', '挂了对方', '挂了骗子', '挂断了骗子',
  // 小区里转了一圈: walked around, no transfer.
  '转了一圈', '转了两圈', '转了几圈', '转了三圈', '转了半圈', '转了好几圈', '转了半天',
  // For the keyword grammar (grammar.ts), which has no scopes; the understanding step does not need these.
  '差点被骗', '险些被骗', '防止被骗', '避免被骗', '以免被骗', '谨防被骗', '差点上当', '险些上当', '差一点被骗', '差点转账', '差点就被骗', '差点转了', '差一点就转了',
  '差点就转了', '差一点转了', '差一点就被骗', '差点就上当', '小心被骗', '容易被骗',
  // Promises about later, not an attempt that failed: 老人保证陌生电话再也不接.
  '再也不接', '以后不接', '不再接', '不接陌生',
  // 幸亏银行拦住了: luckily, not a loss.
  '幸亏', '吃亏',
  // 涉案金额10万 实际损失3万: the sum at stake, not the loss.
  '涉案金额', '涉及金额',
  // 阿姨说没转钱: no money moved.
  '没转钱', '没有转钱', '还没转钱', '未转钱', '转没转',
  // 是AI换脸的, 换钱, 转给骗子: the fraud told, not a case handed over.
  '换脸', '换声', '变声', '换个法子', '换个办法', '换个方法', '换种方式', '换个思路', '换个说法', '换个角度', '换钱', '换卡', '换号', '换手机', '换衣服', '兑换', '交换', '更换', '替换', '转换', '转给骗子', '转给对方', '转给了骗子',
];

/**
 * Words that turn the result right after them into its opposite (没劝住, 不是误报, 并非诈骗).
 * @example NEGATIONS.includes('没有') // true
 */
export const NEGATIONS: readonly string[] = ['没有', '没能', '没得', '没', '未', '不是', '并非', '并没有', '还没', '尚未', '不', '别', '非'];

/**
 * Verbs of recording or claiming between a negation and a result: 先别记劝阻成功, 别急着报误报,
 * 还不能算劝住 (the negation denies the result all the same).
 * @example CLAIM_VERBS.includes('记') // true
 */
export const CLAIM_VERBS: readonly string[] = ['急着报', '急着', '能算', '算是', '登记', '记', '报', '写', '填', '算', '认定'];

/**
 * Words that make a message a question (DESIGN: a question never changes state); either-or
 * shapes (是不是, 有没有, 要不要, 报没报) are read as a structure in understand/read.ts.
 * @example QUESTION_WORDS.includes('是否') // true
 */
export const QUESTION_WORDS: readonly string[] = ['吗', '嘛', '是否', '怎么', '咋', '哪', '什么', '啥', '几件', '谁', '如何', '几号楼', '几单元', '几栋', '几幢', '几楼', '几层', '几室', '几号门'];

/**
 * Endings that make a statement a question: 接了没有, 损失多少 (了没 closing any clause is read
 * as a structure in understand/read.ts).
 * @example QUESTION_ENDINGS.includes('没有') // true
 */
export const QUESTION_ENDINGS: readonly string[] = ['没有', '没', '多少', '多少钱'];

/**
 * Particles that may ask or may merely soften (在路上呢, 劝住了没): such a message never
 * changes state, but it is not asked of the bot either.
 * @example SOFT_QUESTION.includes('呢') // true
 */
export const SOFT_QUESTION: readonly string[] = ['呢'];

/**
 * Shapes that ask without a question word: 是已接单还是待接单 (either-or), 我已经接了吧 (checking).
 * @example QUESTION_SHAPES.some((p) => new RegExp(p, 'u').test('是A还是B')) // true
 */
export const QUESTION_SHAPES: readonly string[] = ['是.{1,10}还是', '算.{1,10}还是', '已经?.{0,6}了吧$', '(?:劝住|拦住|被骗|报警|接|去|到|联系上)没有[啊呀呢吧哈嘛]?(?:\\s|$)'];

/**
 * What the sender does not assert ("Safety first"; understand/scope.ts reads them): a
 * supposition governs the rest of its sentence (如果被骗了 就报警), the other kinds the rest of
 * their clause (差点上当，已拦下: only 上当 is unreal). Suppositions, unreal outcomes and plans
 * never change state; reported or unsure words are checked with the sender first.
 * @example SCOPE_MARKERS.plan.includes('等会') // true
 */
export const SCOPE_MARKERS = {
  /** To the end of the sentence: 要是, 如果, 万一, 假如; 的话 makes its own clause and the next one; 打不通再上门 is the next step if the first fails. */
  suppose: ['要是', '如果', '万一', '假如', '假设', '倘若', '若是', '如若', '一旦', '要不然', '不然', '否则', '的话', '不行就', '不行再', '实在不行', '跑不过来就', '忙不过来就', '顾不过来就', '来不及就', '劝不动就', '劝不住就', '不听劝就', '不听就', '不配合就', '联系不上就', '打不通就', '没人接就', '不在家就', '不开门就', '不接就', '打不通再', '打不通我就', '没人接我就', '不在家我就', '没人接再', '联系不上再', '不在家再', '不开门再', '不接再', '劝不动再', '劝不住再'],
  /** Nearly, feared or only hoped: 差点上当, 以免被骗, 担心被骗, 应该能劝住 (not 没能劝住). */
  unreal: ['应该能', '估计能', '看样子能', '八成能', '就能劝', '能劝下来', '能劝住', '能说通', '要说通', '差不多能', '感觉能', '有望', '有希望', '差点', '差一点', '差一步', '就差一点', '差一丢丢', '差一点点', '险些', '几乎', '怕', '担心', '生怕', '以免', '防止', '避免', '谨防', '小心', '提防', '以防', '容易', '争取', '力争', '希望能', '但愿'],
  /** Later: 等会过去, 明天上门, 准备去, 打算报警. */
  plan: ['等会', '等下', '等一下', '待会', '过会', '一会发', '一会儿发', '一会儿再', '一会再', '回头', '晚点', '稍后', '明天', '明早', '明儿', '后天', '下周', '下礼拜', '下星期', '下个月', '过年', '过节', '年后', '节后', '过两天', '改天', '准备', '打算', '计划', '将要', '再去', '再来', '再打', '再上门', '再联系', '再督办', '再督', '再催', '这两天', '到时候', '开会的时候', '统一督办'],
  /** Said by someone else, or unsure: 他说, 听说, 老人说, 家属反映, 以为, 好像, 可能. */
  reported: ['听说', '据说', '说是', '反映', '自称', '声称', '据称', '以为', '怀疑', '觉得', '感觉', '好像', '似乎', '疑似', '可能', '也许'],
  /** A command shown as the form to copy, to the end of its sentence: 比如 反馈 Q7RT 劝阻成功. */
  example: ['比如说', '比如', '比方说', '譬如', '例如', '举个例子', '举个例', '举例', '打个比方', '示范一下', '示范', '示例', '范例', '例子', '样例', '例：', '例:', '模板', '格式', '照这个', '按这个', '参照这个', '像这样', '类似这样', '这样写', '这么写', '这样回', '这么回', '这样发', '这么发', '这样报', '这么报', '照抄', '照着抄'],
  /** The same, said after the command: 反馈 Q7RT 劝阻成功 这种格式大家学一下 (back to the sentence's start). */
  exampleAfter: ['这种格式', '这个格式', '这样的格式', '这种写法', '这个写法', '这个模板', '这种模板', '就这么回', '就这样回', '就这么写', '就这样写', '就这么发', '就这样发', '照着发', '照着回', '照着写', '照这个发', '照这个回', '以此类推', '依此类推', '学着点', '学一下这个', '大家学一下', '大家参考', '供参考', '仅供参考'],
} as const;

/**
 * Characters before 说 that make it no report (劝说, 再说, 小说): any other 老人说, 他说, 家属说 is.
 * @example NOT_REPORTING_SAY.includes('劝') // true
 */
export const NOT_REPORTING_SAY = '劝游解演小再话所不别虽就说听据跟和对我少按照如来么啥咋';

/**
 * Words that call a command off when they stand right before it: 不用督办了, 别转给, 暂时不换人.
 * @example COMMAND_NEGATIONS.includes('不用') // true
 */
export const COMMAND_NEGATIONS: readonly string[] = ['暂时不', '先不', '不重复', '不再重复', '不用再', '不要再', '不用', '不要', '不必', '无需', '别再', '别', '甭', '不', '没', '没必要', '不需要', '用不着', '不是让你', '不是叫你', '没让你', '没叫你'];

/**
 * Words right after a command that drop it: 督办就算了, 撤销先不用, 转派不用了.
 * @example COMMAND_DROPPED.includes('就算了') // true
 */
export const COMMAND_DROPPED: readonly string[] = ['就算了', '算了', '不用了', '先不用', '不必了', '免了', '先放放', '先不', '就不用了', '没必要'];

/**
 * The parts of "I am on my way" as workers say it of their own case (understand/on-the-way.ts):
 * a clause that begins with the sender (or nobody), adverbs of now, a means of transport, then a
 * verb of going, taking or starting: 我骑电驴过去, 正在赶过去, 已到楼下, 俺去瞅瞅, 这单我包了.
 * @example ON_THE_WAY.verbs.includes('赶过去') // true
 */
export const ON_THE_WAY = {
  pointers: ['这单', '这个', '这家', '那家', '这件'],
  subjects: ['我', '俺', '本人'],
  adverbs: ['这就', '直接', '马上', '立刻', '立马', '正在', '现在', '已经', '已', '先', '也', '就', '在', '刚', '亲自', '赶紧', '往那边', '往那', '往他家', '这会', '可以', '正', '搁', '一会儿', '一会', '很快', '快', '这边', '来'],
  /** How: 骑电驴, 开车, 打车, 坐公交, 扫个共享单车. */
  means: ['骑', '开', '坐', '打车', '打个车', '走路', '扫个共享单车', '扫共享单车', '扫个单车', '扫辆单车', '扫个车', '蹬'],
  verbs: ['赶过去', '赶去', '赶', '过去', '前去', '去', '克', '到', '出门', '出发', '上门', '跑', '下楼', '上楼', '下去', '下村', '进村', '联系', '打电话', '打个电话', '处理', '瞅', '收着'],
  /**
   * What may follow 去 when the sender goes to the case (我去看看, 马上去现场, 我去一趟); any other
   * word makes it another errand (我去开个会, 我去趟厕所, 我去接孩子).
   */
  errandFree: ['地方', '那个地方', '看', '一趟', '了', '吧', '啦', '啊', '处理', '现场', '那', '他', '她', '老人', '核实', '劝', '敲门', '敲', '按门铃', '上门', '瞅', '瞧', '联系', '跟进', '走访', '见', '找', '落实', '办', '过去', '接', '盯', '的路上', '查看'],
  /** Verbs that take a case only when nothing follows (我接了, not 我接孩子): 领了, 认了, 包了. */
  taking: ['接', '领', '认', '包', '负责'],
} as const;

/**
 * Endings that turn an acknowledgement into its opposite: 我去不了, 去不成.
 * @example ACK_UNDONE.includes('不了') // true
 */
export const ACK_UNDONE: readonly string[] = ['不了', '不成', '不到', '不过去', '不开身'];

/**
 * A remark after a late 收到 that answers a colleague rather than the push: thanks, a farewell,
 * agreement, "you", a later time, paperwork (收到 谢谢王书记, 好 晚上见, 明白 等你消息, 收到 表格我晚点填).
 * @example ASIDE_REMARK.some((w) => '好 晚上见'.includes(w)) // true
 */
export const ASIDE_REMARK: readonly string[] = [
  '谢谢', '多谢', '感谢', '辛苦', '再见', '回见', '拜拜', '你', '您', '也是', '也觉得', '这么想', '没问题', '下次', '以后',
  '明天', '明早', '后天', '晚点', '晚些', '晚上', '下午', '中午', '周末', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '改天', '回头', '群里',
  '表', '材料', '照片', '资料', '文件', '会议', '会上', '会后', '开会通知', '书记', '主任', '姐', '哥', '老师', '领导',
];

/**
 * Replies to a pending one-tap confirmation.
 * @example CONFIRM_YES.includes('1') // true
 */
export const CONFIRM_YES: readonly string[] = ['1', '确认', '是', '是的', '对', '对的', '没错', '确定', '好的', '好', 'yes', 'y', '嗯', '嗯嗯', '是这样', '没问题', '确认无误', 'ok', 'okk', 'okay', '好滴', '好嘞', '行', '可以', '对的没错', '没错对的', '对没错', '是的没错', '没错是的', '是的对', '是滴', '嗯呢', '嗯对', '对头'];
/**
 * Replies that cancel a pending confirmation.
 * @example CONFIRM_NO.includes('2') // true
 */
export const CONFIRM_NO: readonly string[] = ['2', '取消', '不是', '不对', '错了', '算了', '否', 'no', 'n', '不用了', '不要', '不行', '不可以', '不用', '别', '搞错了', '弄错了', '不是这样', '不确认'];

/**
 * Politeness and particles the grammar skips.
 * @example PARTICLES.includes('了') // true
 */
export const PARTICLES: readonly string[] = ['了', '啦', '哈', '哦', '噢', '喔', '呀', '啊', '嗯', '吧', '呢', '哒', '嘛'];
/**
 * Politeness around a command addressed to the bot: 请, 帮我, 一下, 谢谢.
 * @example FILLERS.includes('请') // true
 */
export const FILLERS: readonly string[] = ['请', '一下', '一哈', '下', '给俺', '帮俺', '帮我', '麻烦', '看看', '看下', '我要', '我想', '发', '给我', '谢谢', '的', '你好', '您好', '在吗', '已', '已经', '这单', '这个', '这件'];

/**
 * Province abbreviations that start a licence plate: 京N7K29 is a car, not a case.
 * @example PLATE_PREFIXES.includes('京') // true
 */
export const PLATE_PREFIXES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领警学港澳';

/**
 * Words by which the sender takes back what the same message said: 被骗3000 又说没转, 不是诈骗 又好像是,
 * 已报警 不对 还没报, 打不通 哦打通了, 联系不上——等下 刚接了 (not 不对劲, 格式不对, 不对的话, nor
 * 等下上门: later, not taken back). An outcome
 * said with one of them is asked about, never recorded as said.
 * @example TAKEN_BACK.test('反馈 D9VM 已报警 不对 还没报') // true
 */
export const TAKEN_BACK = /(?<!格式|写得|写的|填得)不对(?!劲|头|请|的话|吗)|说错了|打错了|搞错了|又说|又好像|等下\s*(?=刚|又|其实|不对)|等等|呃|哦(?=\p{Script=Han}{0,2}(?:打通|接了|不对|在))/u;
