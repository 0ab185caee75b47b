/**
 * Free-form requests read by their structure rather than as whole phrases ("Free-form
 * questions"): 我的 = the sender (我/俺, not 我们) + their cases, a count or what is left
 * (我还有几件没办完, 俺手上的单); 统计 = a count or overview noun + a time or scope word (辖区目前
 * 情况如何, 今天止付了几笔), or a report noun alone (日报出一下); 帮助 = a how-to question about
 * using the bot (反馈怎么发, 要打什么字, 重办是什么意思, 指令有哪些, 不会用). Each needs the shape
 * of a request (a question, an imperative, a short line, or an @mention), and a question put to
 * colleagues (谁知道…, 你们那边…) is not put to the bot.
 */
import { FREE_FORM } from '../free-form-words.js';
import { CALLED_FIRST } from './evidence.js';
import type { Reading } from './read.js';

/**
 * What a free-form request asks for.
 * @example const f: FreeForm = 'mine'
 */
export type FreeForm = 'mine' | 'stats' | 'help';

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');
const any = (words: readonly string[]) => new RegExp(alt(words), 'u');

const COLLEAGUES = any(FREE_FORM.colleagues);
const NOT_ME = new RegExp(alt(FREE_FORM.notMe), 'gu');
const ME = new RegExp(`${alt(FREE_FORM.me)}(?!们)`, 'u');
/** 我今天登记了多少人, 俺弄了多少了: a count of the sender's own outreach or case work. */
const OWN_WORK_COUNT = /[我俺]\p{Script=Han}{0,6}?(?:登记|装|发|宣传|弄|办|处理)了?(?:几|多少)/u;
/** 单 as a case (我的单, 几单), not 单位 or 单独. */
// 我看了 有几个错别字: a count of something else, not of the sender's cases; 排第几个: a place in a line.
const MINE_COUNT = new RegExp(`(?:${alt(FREE_FORM.me)})(?!们)\\p{Script=Han}{0,8}?(?<!第)(?:${alt(FREE_FORM.mineCounts)})(?!错别字|错字|字|地方|问题|案例|例子|校园贷|页|图)\\p{Script=Han}{0,4}?(?!案例|例子)`, 'u');
// 我一直没搞清楚: not understood, not work left undone.
const MINE_NOUN = new RegExp(`(?:${alt(FREE_FORM.mineNouns)})(?<!单(?=[位独纯身元价]))|[没未]有?(?:${alt(FREE_FORM.undoneWork)})(?!清|明白|懂)`, 'u');
/** 还剩几个, 还有没处理的, 手上几件: what is left, asked. */
const LEFT_ASKED = /还(?:剩|有)(?:几|多少|啥|什么|哪些|么子)|还有没(?:处理|办|弄|反馈|接|结)|(?:手上|手里|手头)(?:还有)?(?:几|多少)/u;
/** 全社区, 大家, 各网格: a scope wider than the sender. */
const WIDE_SCOPE = /全|大家|各|社区|所里|辖区|网格|咱们|我们/u;

/** 都办完了吧, 是不是全部搞定了: whether the sender's work is all done. */
const ALL_DONE = /(?:都|全|全部|全都)(?:办完|弄完|处理完|搞定|搞完|办结|结了|完成|清了|清零|反馈了|处理了|办了)/u;
/** 清完了, 都搞定了: work told done. */
// 我的待办清零啦, 我这边没待办了: all done, told.
const DONE_TOLD = /(?<![没未])(?:清完|办完|弄完|处理完|搞定|搞完|办结|完成|清零|清空|跑完|都结)(?:[了啦]|$)|(?:没|没有)(?:待办|单子|任务)了/u;
/** 今天还剩啥没弄的, 还有几个没办: what is left, without 我 (the sender's own, asked). */
const LEFT_UNDONE = /还(?:剩|有)(?:啥|什么|几个|几件|几单|多少|哪些)[^\s]{0,3}?[没未]有?(?:办|弄|处理|搞|接|反馈|签收|闭环|结|完成|处置)/u;
/** 我手上的, 我名下紧急的还有没: the place, a few words, then a question or 的. */
const MINE_PLACE = new RegExp(`(?:${alt(FREE_FORM.minePlaces)})\\p{Script=Han}{0,3}?(?:的|还|有|什么|啥|那|几|哪|现在)`, 'u');
// 几号楼分给我们: the team's share, not the sender's cases.
// 转给我的那份材料: papers handed over, not cases.
const GIVEN_TO_ME = new RegExp(`(?:${alt(FREE_FORM.givenToMe)})(?!们)(?!的?(?:那份|这份|那个文件|材料|文件|表))`, 'u');
/** A count: 几单, 多少件, 几笔, 几条 (not 好几个, 十几单: several, said, not asked). */
const COUNT = /(?:(?<![好十百千万没那这第的])(?<![得还再会要]来)几|多少)(?:件|单|个|起|次|户|位|宗|笔|条|人)/u;
const STATS_NOUN = new RegExp(`${alt(FREE_FORM.statsNouns)}|${COUNT.source}|(?:${alt(FREE_FORM.countedWork)})(?:数|量)`, 'u');
const STATS_SCOPE = any(FREE_FORM.statsScopes);
/** Words that ask how something is going, about whatever the sentence names. */
const GENERIC_STATS = /怎么样|咋样|情况|结果|进度/gu;
const DAY_ASKED = /^(?:总体看|整体看)?(?:今天|今日|目前|现在|当前|本班|这班|今晚)(?:的)?(?:总体|整体|总的|全天|截止目前|截至目前)?(?:情况|来看|处理得|办得|干得|弄得|搞得)?(?:咋样|怎么样|如何|怎样|啥样)(?:嘛|啊|呀|呢)?$/u;
/** Words that name the work itself: cases, warnings, shifts, the units. */
const WORK = new RegExp(`${alt(FREE_FORM.countedWork)}|${alt(FREE_FORM.statsAlone)}|单|班|辖区|社区|网格|工作|案|件|数|量`, 'u');
/** 统计表明天交 names a form, not a request for figures. */
const STATS_ALONE = new RegExp(`(?:${alt(FREE_FORM.statsAlone)})(?!表)`, 'u');
const ASKS = any(FREE_FORM.asks);
const REMARK = any(FREE_FORM.remarks);
const IMPERATIVE = any(FREE_FORM.imperatives);
/** 怎么发, 如何反馈, 咋用, 怎么告诉你: a how-word, at most three characters, then a verb of using the bot (not 怎么回事). */
// 今天总体咋样 数据整一个: 咋样 asks how things are; only 怎么样用 (样 then the verb) asks how to.
// 怎么就不长记性呢: a reproach, not a how-to.
const HOW_TO = new RegExp(`(?<!怎)(?:${alt(FREE_FORM.howTo)})(?!就(?:不|没|这么|那么)|样(?!${alt(FREE_FORM.useVerbs)})|了(?!解))[^\\s]{0,3}?(?:${alt(FREE_FORM.useVerbs)})(?!事|来了|不通|得通|的|都|了[一两二三四五六七八九十几\\d]+[遍次条回下])`, 'u');
/** 怎么跟哨兵说, 如何告诉你: how to tell the bot. */
const HOW_TO_TELL = new RegExp(`(?:${alt(FREE_FORM.howTo)})(?:跟|对|给|向|告诉)(?:你|哨兵|机器人)`, 'u');
/** 转派要怎么, 反馈咋弄: a command, then how (and nothing after). */
const COMMAND_HOW = new RegExp(`(?:接单|反馈|转派|督办|撤销|绑定|更正|撤回|登记|重办|宣传|查询)[^\\s]{0,2}(?:${alt(FREE_FORM.howTo)})(?:弄|操作|用|写|发|填|搞|接|回|报|办)?(?:的|呢|啊|呀)?$`, 'u');
/** 绑定的事找林管理: whom to ask, told to the room. */
const WHOM_TO_ASK = /(?:的事|的问题|这事|这块)(?:直接|统一|都)?(?:找|问|请教)\p{Script=Han}{1,4}/u;
/** 东北阿姨教我包酸菜饺子: someone who taught the sender something, told. */
const TAUGHT_BY = /(?:阿姨|大妈|大爷|奶奶|爷爷|老人|他|她|同事|师傅|老师|[老小]\p{Script=Han}|\p{Script=Han}[姐哥])(?:刚|刚才|今天|昨天)?(?:教|教了|教过)我(?!怎么用|用|咋用)|让(?:我)?\p{Script=Han}{1,3}?教教?我/u;
/** 你咋搬回来的: how a colleague did something, asked of them. */
const HOW_YOU_DID = /(?:你|您)(?:是)?(?:咋|怎么)\p{Script=Han}{1,4}的/u;
/** 原来咋回还咋回: as before, whatever it was; nothing asked. */
const AS_BEFORE = /(咋|怎么)(\p{Script=Han})还\1\2/u;
/** 使用说明能不能弄个大字版: a version of the guide asked to be made, not the guide asked for. */
const MAKE_ONE = /(?:能不能|可不可以|能否|可以|麻烦|最好)?(?:弄|做|改|印|出|整)(?:个|一个|一份|成)\p{Script=Han}{0,3}(?:版|版本|字|纸质|打印)/u;
/** 我知道咋弄了: no longer a question. */
const KNOWS = new RegExp(`(?<!不)(?:${alt(FREE_FORM.knowHow)})了?(?:${alt(FREE_FORM.howTo)})`, 'u');
/** 绑定码在哪里看: where to find something. */
const WHERE_TO = new RegExp(`(?:${alt(FREE_FORM.whereTo)})(?:可以|能)?(?:${alt(FREE_FORM.findVerbs)}|查看)|(?:写|填|记|录|输)在(?:哪里|哪儿|哪)|(?:装APP|装app|人数|编号|地点)的?(?:数字|数)?(?:写|填)(?:在)?(?:哪里|哪儿|哪)`, 'u');
/** 接单要打什么字, 我能发些啥给你: what to type. */
const WHAT_TO_TYPE = /(?:打|写|发送|发|回复|回|填|输入|输)(?:些|点)?(?:什么|啥|哪些)(?:字|内容|格式|给你|东西)?/u;
/** 怎么转给别人, 咋把单子交给同事: how to hand a case over. */
const HOW_TO_HAND = /(?:怎么|咋|如何)(?:把(?:单子?|案子|这单|这个))?(?:转给|交给|派给|转派给)(?:别人|其他人|同事|别的网格员?)/u;
/** 收到以后还要干嘛, 反馈之后怎么办: what comes next in using the bot. */
const NEXT_IN_USE = /(?:收到|接单|反馈|绑定|转派|督办|接到推送|收到推送|接到预警|收到预警|接到单子|接了单)(?:了)?(?:以后|之后|后|然后呢?)(?:我)?(?:还|再)?(?:要|该|得)?(?:干嘛|干啥|做什么|做啥|怎么办|咋办|干什么)|下一步(?:该|要)?(?:干嘛|干啥|做什么|做啥|怎么办|咋办|干什么)/u;
/** 撤销要写原因吗: whether a command needs something. */
const NEEDS = /(?:接单|反馈|转派|督办|撤销|绑定|更正|撤回|登记|重办|宣传|查询)(?:的时候|时|的话)?(?:要|需要|得|用不用|必须|要不要|需不需要)(?:写|填|带|加|附|打)[^\s]{0,6}(?:吗|么|不)?$/u;
/** 重办是什么意思, 1和2是啥意思. */
// yyds是啥意思: young people's letters, not the bot's words.
const MEANING = /(?<!(?:规定|政策|文件|通知|要求|领导|书记|主任|会上)\p{Script=Han}{0,8})(?<![A-Za-z]\s?)(?<![A-Za-z]\s?是)(?:是)?(?:什么|啥)意思|(?:督办|转派|撤销|作废|更正|重办|反馈|绑定|接单|我的|统计|撤回)\p{Script=Han}{0,3}(?:和|跟|与)\p{Script=Han}{0,5}(?:区别|不同|差别|不一样)/u;
/** 网格哨兵是干啥的, 我能用你干嘛: what the bot is for. */
/** 哨兵能查别人的单吗, 机器人会自动提醒吗: what the bot can do, asked yes or no. */
const CAN_IT = /(?:哨兵|机器人|小助手)(?:能|会|可以|能不能|可不可以|会不会)\p{Script=Han}{1,10}?(?:吗|么|不)$/u;
const WHAT_FOR = /(?:你|哨兵|机器人|这个)[^\s]{0,4}(?:干啥|干嘛|干什么|做什么|做啥)|是[干整搞](?:啥|嘛|什么)(?:用)?的|干(?:嘛|啥)用的|有什么用|(?:你|哨兵|机器人|助手)(?:都|还)?(?:听得懂|听懂|懂|认识|识别|支持|会|能)[^\s]{0,3}(?:哪些|什么|啥)/u;
/** 表格怎么填 but not 装APP的数量怎么填 (the installs of an outreach log are the bot's). */
/** 反诈APP的来电预警功能在哪开: the anti-fraud app itself asked about, not the bot. */
const FRAUD_APP_FIRST = /^(?:国家)?反诈(?:中心)?(?:APP|app|App)/u;
const toolFirst = (body: string) => (TOOL_FIRST.test(body.replace(/(?:安装|装|下载)(?:APP|app|App)/gu, '装机')) || FRAUD_APP_FIRST.test(body)) && !BOT_NAMED.test(body);
/** 填错了能改吗, 报错了怎么改: how to correct what was sent. */
const HOW_TO_FIX = /(?:填|写|报|选|点|发)错了?(?:能|可以|怎么|咋|如何)(?:改|更正|撤回)/u;
/** 表格怎么填, 加班餐费怎么报销, 打卡APP怎么用: how to use something named first that is not the bot. */
const TOOL_FIRST = new RegExp(`(?:${alt(FREE_FORM.otherTools)}|说明会)\\p{Script=Han}{0,6}?(?:${alt(FREE_FORM.howTo)}|几点)`, 'u');
const ENGLISH = /how\s*to|how\s*do\s*i|how\s*does|usage|manual|what\s*can\s*you\s*do|^help\s*(?:me|pls|please)?$/iu;
/** my cases, 还有我的事吗: the sender's own, asked in so many words. */
const MINE_SAID = /^my\s*(?:cases|tasks|todo|list)$|还有我的(?:事|活|单|任务)|^(?:下班前)?[我俺]还(?:有|剩)(?:几|多少)(?:单|件|个)(?:没(?:结|办|处理)的?)?[吗呢啊？?]*$|^(?:下班前)?[我俺]还有没得?(?:结|办完|处理完?|弄完)的[吗呢啊？?]*$/iu;
/** 机器人怎么玩, 这玩意儿咋整: the bot itself, then how (怎么玩 alone may be about anything). */
const BOT_HOW = new RegExp(`(?:机器人|哨兵|这玩意儿?|这东西|^这)(?:${alt(FREE_FORM.howTo)})(?:玩|整|搞|弄|用|使)`, 'u');
const HELP_NOUN = any(FREE_FORM.helpNouns);
/** 说明骗子多了: 说明 as "shows that", before what it shows; not the manual. */
const SAYS_THAT = /说明(?=天|早|晚|儿|骗子|老人|大家|他们|她们|我们|咱们|这|那|问题|情况|效果|宣传|工作|还是|确实|真的)/gu;
/** 周报格式, 写情况说明: a help noun that belongs to a paper. */
const DOCUMENT_NOUN = new RegExp(`(?:${alt(FREE_FORM.documents)})的?(?:${alt(FREE_FORM.helpNouns)})`, 'gu');
const DOCUMENT_FIRST = new RegExp(`^(?:${alt(FREE_FORM.documents)})`, 'u');
/** 怎么用反诈APP: how to use something else. */
/** A tool named outright (复印机, 打印机, 健康码), not 表 or APP, which the bot's own answers name too. */
/** 反馈表, 登记表: a paper form, whose name holds one of the bot's words. */
const FORMS = /(?:反馈|登记|走访|宣传)表|(?:食堂|饭堂|餐厅)\p{Script=Han}{0,4}菜单|新系统|密码|(?:研判|OA|办公|警务)\p{Script=Han}{0,4}(?:平台|系统)(?:\p{Script=Han}{0,6}?(?:功能|使用方法|用法))?/gu;
/** A name in quotes: “我要举报”, 「我的」. */
const QUOTED_NAME = /[“「『"][^”」』"]{1,12}[”」』"]/gu;
const TOOL_NAMED = any(FREE_FORM.otherTools.filter((w) => w.length > 1 && !/^app$/iu.test(w)));
const OTHER_TOOL = new RegExp(`(?:${alt(FREE_FORM.howTo)})\\p{Script=Han}{0,3}?(?:${alt(FREE_FORM.useVerbs)})\\p{Script=Han}{0,4}?(?:${alt(FREE_FORM.otherTools)})`, 'u');
/** 老人问怎么用, 他问我, 大爷又来问: someone else's question reported (not 请问, 我问下, 想问问, 问题). */
const REPORTED_ASK = new RegExp(`(?<![${FREE_FORM.selfAsk}])问(?![下一问题]|哨兵|机器人|小助手)|(?<!我)(?:又|还|也|都|跑|过)来问`, 'u');
const BOT_THING = any(FREE_FORM.botThings);
/** 菜单拍照发群里了 大家看看中午订哪家: a menu to eat from. */
/**
 * 我的待办是不是同步有问题, 是不是手机设置的事, 系统是不是抽风了: a fault wondered about, said to the room
 * (one list for free forms and for a case id beside it).
 */
export const FAULT_WONDERED = /是不是\p{Script=Han}{0,6}?(?:有问题|出问题|问题|设置|的事|坏了|出错|卡了|抽风|bug)/u;
/** 指令有哪些我整理成一张图了, 周网格帮我弄好了: made or set up already, told. */
const MADE_FOR_ME = /(?:整理|做|画|拼)成\p{Script=Han}{0,4}?(?:图|表|文档|表格)了|帮我(?:弄|搞|整|设置|装|调)好了/u;
// 困难群众帮助申请表: another kind of 帮助, a benefit applied for.
const BENEFIT_HELP = /帮助(?:申请|金|对象|表)|(?:困难|群众|救助|临时|法律)帮助/u;
const FOOD_MENU = /菜单\p{Script=Han}{0,12}(?:订|点餐|吃|饭|外卖|哪家|聚餐)|(?:食堂|饭堂)\p{Script=Han}{0,4}菜单|(?:订餐|点餐|吃|饭|外卖)\p{Script=Han}{0,6}菜单/u;
/** 志愿者证在哪领: where to find something that is not the bot's. */
const whereOther = (body: string) => {
  const m = WHERE_TO.exec(body);
  const object = m ? body.slice(0, m.index).replace(/^(?:请问|问下|问一下|那个|这个)/u, '') : '';
  return m !== null && object !== '' && !BOT_THING.test(object);
};
/** 教我 is lost; 机器人教我们做事 is a joke about the bot, 后来咋整的 asks how a story ended. */
const HELP_LOST = new RegExp(`(?:${alt(FREE_FORM.helpLost)})(?<!教我(?=们)|咋整(?=的))`, 'u');
/** 转派给别人, 第一次用 不太懂, 我整不明白: the bot's own commands, or the sender lost with it. */
const BOT_WORK = /转派|督办|撤销|更正|重办|绑定|接单|撤回|不太?懂|不明白|第一次|新来/u;
/** 家属不让进门 说我们才是骗子 咋整: a situation, then what to do, asked of colleagues (not 这玩意儿咋整). */
const WHAT_NOW = /^(.{5,})(?:可?咋整|咋办|怎么办|怎么整|咋弄|怎么弄|咋搞|怎么搞|怎么处理|咋处理|(?:咋|怎么)(?:回|说|应对|解释)(?:比较好|才好|好|合适)?)[啊呀呢😂🤣😭\s]*$/u;
function situation(body: string): boolean {
  const m = WHAT_NOW.exec(body);
  // 嗯，？？这个咋弄: no situation told, only fillers before the ask.
  const told = m === null ? '' : m[1]!.replace(/[^\p{Script=Han}]|嗯|啊|哦|呃|这个|那个|这种|那种|我|这|那|的|吧|呀|了/gu, '');
  return m !== null && [...told].length >= 4 && !BOT_THING.test(m[1]!) && !BOT_NAMED.test(m[1]!) && !HELP_LOST.test(m[1]!) && !HOW_TO.test(m[1]!) && !HELP_NOUN.test(m[1]!) && !BOT_WORK.test(m[1]!);
}
/** The sender's own cases without 我: 待办事项, 待处理. */
const MINE_ALONE = /^(?:给我|帮我)?(?:看看|看下|看一下|查下|查一下)?(?:待办|待处理)/u;
/** 统计先不用发了: a request called off. */
const CALLED_OFF = /(?:不用|不要|别|先不|暂时不|不必)(?:再)?(?:发|看|报|统计|汇总|查|给|出)/u;
/** 统计局, 统计表: names, not requests; 接单, 名单: not the sender's cases. */
// 节目单, 菜单, 名单: lists that are no cases.
const NOT_NOUNS = /(?:节目|菜|名|歌|账|清|订|保)单|(?:卖粮|收粮|粮|购物|快递|发货)的?单子?|[几多少]?[件个](?:衣服|东西|快递|行李|包裹|菜)|(?:几|多少)[个户间]?(?:系统|截图|居民|电话|空房|房)|[几多少]?件事|哪个(?=帮|能|有空|去|来|可以|方便|在|知道|看到|拿|见|有|借|用)|(?:几|多少)[份张个]?(?:传单|单页|折页|海报|手册|资料|宣传册)|(?:几|多少)[个家]?(?:银行|网点|商户|平台|公司|单位)|(?:几|多少)个?(?:同志|同事|网格员)|(?:号|号码|码|密码)(?:是)?多少|(?:网格|小区|楼|单元)[^几多]{0,4}(?:几|多少)户|统计的?(?:局|表格|表|员|站|口径|模板|版本)|还剩几天|剩几天|还有几天|年假|假期|调休|流量|话费|接单(?!率)|派单|转单|下单|买单|简单|名单|传单|单页|订单|账单|菜单|快递单|报名单|活动|生活|(?:这个|那个|这|那)编号/gu;
/** 冯中心说, 领导讲: someone's words relayed to the room. */
// 中心说下个月…: 下 of a time is no 说下 (say it).
const RELAYED = /(?:中心|社区|网格|督导|警官|主任|书记|所长|领导|上面|所里|局里)(?:说|讲|交代|要求)(?!一下|下(?![个午周月次回半])|说)/u;
/** 咋回事, 为啥: asking why, which people answer. */
const WHY = /咋回事|怎么回事|为啥|为什么|凭什么|怎么还没|咋还没|怎么还不|咋还不/u;
/** 小李 你还有几个没弄完: asked of a person (你能干啥 is asked of the bot, and is help). */
const YOU = /你(?!们|能|会|是|可以|好)/u;
/** 问周姐, 找小刘要, 谁手上有, 问问他: a person to ask, named or asked for. */
// 不会用的找我, 不会用就问 别不好意思: the sender offering to teach, said to the room.
// 我那几个单子麻烦李网格帮忙看一眼: handed to a colleague named.
const SENT_TO_PERSON = /麻烦(?:[老小]\p{Script=Han}|\p{Script=Han}{1,2}(?:姐|哥|网格|社区|督导|警官|老师|师傅))帮|不会(?:用|弄)?的?(?:就|可以)?(?:找我|问我|问(?=别|$|不))|(?:问|找)(?:[老小]\p{Script=Han}|\p{Script=Han}(?:姐|哥)|\p{Script=Han}{1,2}(?:老师|师傅|网格|社区|督导|警官|主任|书记))|谁(?:手上|手里|那里|那儿|那边)有|(?:哪位|谁|有没有人)(?:手上|手里)?有[^\s]{0,14}?(?:手册|说明|资料|文档|教程)|问(?:问|下|一下)(?:他|她)/u;
/** 误报怎么反馈, 怎么接单, 督办咋弄: how to use one of the bot's commands. */
const BOT_COMMAND_HOW = /(?:怎么|咋|如何|怎样)\p{Script=Han}{0,2}?(?:反馈|接单|督办|转派|撤销|绑定|更正|撤回|重办)|(?:反馈|接单|督办|转派|撤销|绑定|更正|撤回|重办)\p{Script=Han}{0,2}?(?:怎么|咋|如何|怎样)(?:弄|操作|用|写|发|搞)/u;
/** 我一直以为接单要打“接单”俩字: a misunderstanding owned up to, no longer asked. */
const THOUGHT_SO = /一直以为|还以为|原来以为|我以为/u;
/** 我的案子都是老年人, 几个案子都不难: what the cases are like, told. */
const CASES_DESCRIBED = /(?:案子|单子|单|件|预警|任务)都(?:是|不|挺|很|比较|蛮|还|算)/u;
/** 各网格长自己盯一下: each told to see to their own. */
const EACH_OWN = /(?:自己|各自)(?:盯|看|查|跟|抓|落实)/u;
/** 哨兵你帮我看一下: 你 is the bot, called by its name. */
const BOT_NAMED = /哨兵|机器人|小助手|助手|这个系统|(?:回复|告诉|发给|通知)你/u;

/** 各社区周五前报一下, 下班前交: a task with a deadline is set for people. */
// 各网格本周反馈情况周五汇总给我: figures to be gathered by people by a day.
const DEADLINE = /(?:晚上|下午|明天|今天|下班前|回头|周[一二三四五六日天末]|月底)(?:前)?(?:报|发|告诉|汇报|汇总|交|给)(?:给)?我|(?:[一二三四五六七八九十]|1[0-2]|[1-9])点(?:之)?前(?:要|得)?(?:报|交|发)|周[一二三四五六日天末]前|(?:今天|明天|下班|中午|月底|本周|这周|下周)(?:之)?前|[之以]前(?:报|交|发|上报|提交)|截止(?!目前|到现在|现在|今天|此刻)/u;

/** 盒饭统计 要的接龙, 下午的会几个人来, 签到数据, 志愿者有几位: counting something else, for people. */
// 还有几个人没交考核表, 下午还有几个会, 家里的事还有几个没办完: other things counted.
const OTHER_TALLY = /还有(?:几|多少)个?(?:人|会|事|表)|家里的事|接龙|(?:盒饭|午饭|晚饭|年货|停车证|团建|签到|警力|车牌|物资|福利|体检|报名)(?:的)?(?:统计|数据|人数)|(?:会|会议|培训|活动|饭|白班|夜班|早班|晚班|值班|班上)\p{Script=Han}{0,3}?(?:几|多少)个?人|(?:户|空房|人)来着|群里多少人|(?:几|多少)位|人数统计|统计人数|订餐|聚餐|统计(?:一下|下)?谁|私聊我|私发我|私信我|(?:几|多少)个?(?:志愿者|人手|义工)|算上我|数据(?:要|得|必须|一定要)(?:实|准|真)|对不上|统计完就|(?:哪个|谁)在(?:弄|做|整|搞)|[评选]几个|指标|任务量|统计出来|占了|辛苦(?:大家|各位)|导出来?/u;
/** Longer than this, an unaddressed line is a remark, not a request. */
/** 报到镇里, 报给街道: figures sent up to someone above, gathered by people. */
const REPORTED_UP = /(?:报到|报给|交到|交给|上报给?|报送)(?:镇|街道|区|市|局|所|县|乡|上面|上级|领导)/u;

const LONGEST = 20;
/** Up to this long, a line that names the bot and asks how, or asks what the sender has left, is still a request. */
const LONGEST_MEANT = 40;
/** This short, a line is a request even without a question mark (今日情况, 我的任务). */
const SHORT = 8;
/** This short, a report noun alone is a request (jin tian 统计). */
const SHORT_STATS = 12;
/** 要搞上去, 得往上提, 必须提高: a goal set for people. */
const GOAL_SET = /(?:要|得|还得|必须|需要|争取)(?:再|继续)?(?:搞上去|搞上来|往上提|往上走|提上去|提高|提升|拉上来|上去|抓起来|抓上去)/u;

/**
 * True when the sender speaks of learning the bot rather than asking: lost once (我当时也不会用),
 * to look at it later (等我吃完饭再研究研究怎么用), learnt by use (多用几次就熟了), or taught by the
 * sender (会后留一下 我一个一个教).
 * @example learningRemark('我当时也不会用多用两次就熟了') // true
 */
export function learningRemark(body: string): boolean {
  return /(?:当时|以前|刚开始|一开始|刚来的时候|之前)[我俺]?(?:也|都)?不(?:太)?会用/u.test(body) || /用(?:两|几|一|三)天就(?:顺手|熟|会|习惯)/u.test(body) || /[我俺]\p{Script=Han}{0,4}?给\p{Script=Han}{1,6}?(?:讲一下|讲讲|讲|演示|示范)/u.test(body) || /[我俺](?:一个个|一个一个|挨个)教|私聊我|都记住了|就回\s?[“"']?(?:收到|反馈)/u.test(body) || /(?:专门)?讲(?:怎么|如何)\p{Script=Han}{1,6}的/u.test(body) || /不会用就发|不会用的发|(?:就|可以|直接)发\s?[“"']?(?:帮助|我的|统计)[”"']?\s?就(?:能|可以|行)|它会告诉你/u.test(body) || /多用(?:几|两|一两|三|一)?(?:次|回|遍|天)就(?:熟|会|顺)|用(?:多了|久了|熟了)就/u.test(body) || /[我俺](?:一个一个|挨个|手把手|来|再|给你们|给大家)教/u.test(body) || /(?:再|回头|晚点|有空)(?:研究|琢磨|学)/u.test(body) || /(?:讲了|讲过|教了|教过|培训了?|讲讲|教教大家)\p{Script=Han}{0,6}?(?:怎么用|咋用|如何使用)/u.test(body);
}

/**
 * True when a how-to question is about something else than the bot: someone else's question
 * reported (老人问怎么用), another tool (怎么用反诈APP), another thing's whereabouts (志愿者证在哪领).
 * @example helpForSomethingElse(read('老人问怎么用反诈APP', cases)) // true
 */
export function helpForSomethingElse(r: Reading): boolean {
  const body = r.body.replace(/[\s\p{P}\p{S}]/gu, '');
  return MAKE_ONE.test(body) || REPORTED_ASK.test(body) || MADE_FOR_ME.test(body) || BENEFIT_HELP.test(body) || OTHER_TOOL.test(body) || toolFirst(body) || whereOther(body) || FOOD_MENU.test(body);
}

/**
 * The free-form request a message makes, or null. The caller has checked that no case id was
 * typed; a message naming an outcome counts only when it asks a count (今天劝阻了几个).
 * @example readFreeForm(read('辖区目前情况如何', cases), false) // 'stats'
 * @example readFreeForm(read('谁知道误报怎么填', cases), false) // null: asked of colleagues
 */
export function readFreeForm(r: Reading, addressed: boolean): FreeForm | null {
  const whole = readWhole(r, addressed);
  if (whole !== null || addressed) return whole;
  // 今天的统计出一下 街道下午四点要数据…: a long line that opens with a whole request, then why.
  const clauses = r.body.trim().split(/[\s，,。；;！!]+/u).filter((c) => c !== '');
  if (clauses.length < 2 || [...r.body.replace(/[\s\p{P}\p{S}]/gu, '')].length <= LONGEST) return null;
  const head = [...clauses[0]!].length >= 4 ? clauses[0]! : `${clauses[0]!} ${clauses[1]!}`;
  // 今天劝阻成功的几单都挺典型: the few cases described, not counted.
  const asksHere = /[吗？?]|几|多少|哪/u.test(head) && !CASES_DESCRIBED.test(head);
  if (!asksHere && !IMPERATIVE.test(head.replace(/[\s\p{P}\p{S}]/gu, ''))) return null;
  // 统计一下各网格寒假留校学生人数 周四前报给我, 台风过后统计一下各村受损情况 报到镇里: figures the
  // room must gather, for the sender or for someone above.
  const rest = r.body.replace(/[\s\p{P}\p{S}]/gu, '');
  // 今天一共转移了多少人 各网格报个数, 统计一下 谁还没装APP…没装的私聊我: the figure gathered from people.
  if (DEADLINE.test(rest) || REPORTED_UP.test(rest) || OTHER_TALLY.test(rest) || /各(?:网格|村|社区|组|小区|片|楼栋)/u.test(head) || /各(?:网格|村|社区|组|小区|片区?|楼栋)\p{Script=Han}{0,4}?报/u.test(rest)) return null;
  const opening = readWhole({ ...r, body: head, question: asksHere, softQuestion: false }, false);
  return opening === 'stats' || opening === 'mine' ? opening : null;
}

function readWhole(r: Reading, addressed: boolean): FreeForm | null {
  // 各网格的数据周一上午统计好发我: each part of the room asked for its figures.
  if (!addressed && /^\s*(?:今天|明天|本周|这周|月底前?)?各(?:网格|村|社区|组|小区|片区?|楼栋|位)/u.test(r.body) && /(?:发|报|交|给)(?:给)?我|报上来|交上来|(?:统计|汇总)好/u.test(r.body)) return null;
  const body = r.body.replace(/[\s\p{P}\p{S}]/gu, '');
  // What mine and stats look at: without names and words that only look like case nouns.
  const nouns = body.replace(NOT_NOUNS, '');
  const length = [...body].length;
  // 请问我还有哪些待处理预警: a question about one's own cases can only be put to the bot.
  // 反诈APP的“我要举报”在哪个菜单: a name in quotes is nobody's own words.
  const own = r.body.replace(QUOTED_NAME, '').replace(/[\s\p{P}\p{S}]/gu, '').replace(NOT_NOUNS, '').replace(NOT_ME, '');
  const ownCases = ME.test(own) && (MINE_NOUN.test(own) || MINE_COUNT.test(own) || OWN_WORK_COUNT.test(body));
  // 请问这个机器人怎么使用, 看看大家今天的完成情况: the bot asked, everyone's figures asked for.
  const askingBot = BOT_NAMED.test(body) || /^(?:看看|看下|查查|查下)大家/u.test(body);
  // 王书记 帮我看看…: a person called by title first.
  const titled = CALLED_FIRST.test(r.body.trim());
  // @林管理 网格哨兵怎么用啊: asked of the person named, even when it names the bot.
  // 冯中心说晚上统一作废, 领导讲的: someone's words relayed; 咋回事: why, which people answer.
  // 周网格问我机器人怎么接单: someone's question about the bot, reported, is theirs all the same.
  // 不会用就问周姐, 没来的找小刘要课件, 帮助文档谁手上有, 问问他要不要人: sent on to a person.
  const sentOn = SENT_TO_PERSON.test(body);
  // 请问误报怎么反馈, 新人报到 请问这个怎么操作: how to use the bot's own commands, asked politely of whoever answers.
  const politeHowTo = BOT_COMMAND_HOW.test(body) || (/新人|新来|第一次|刚来/u.test(body) && /这个(?:怎么|咋|如何)(?:操作|用|弄)/u.test(body));
  const toColleagues = sentOn || (!askingBot && COLLEAGUES.test(ownCases || politeHowTo ? body.replace(/^请问|(?<=\p{Script=Han}{2})请问/u, '') : body)) || REPORTED_ASK.test(body) || (r.others.length > 0 && !r.mentionsBot) || (!addressed && (RELAYED.test(body) || WHY.test(body) || titled));
  // 您好，我是新来的社区主任，请问这个系统怎么使用？…: a longer line may still ask the bot how to
  // use it, or what the sender has left, in so many words.
  const longButMeant = length <= LONGEST_MEANT && ((askingBot && (HOW_TO.test(body) || HELP_NOUN.test(body) || (STATS_NOUN.test(nouns) && STATS_SCOPE.test(nouns)))) || (ownCases && (r.question || COUNT.test(body))));
  // 周五前交, 下班前报给我: a deadline set for people; 下班前看看我还剩几单, 出一下今天的统计 下班前要报街道: a
  // request to the bot first, the deadline only why.
  const deadline = DEADLINE.test(body) && !/^(?:出一下|出个|看看|看下|查查|查下|查一下|给我|发一下|发个|我的|待办|帮助)/u.test(body) && !/前(?:看看|看下|查查|查下|查一下)/u.test(body);
  if (length === 0 || (!addressed && ((length > LONGEST && !longButMeant) || toColleagues || deadline || OTHER_TALLY.test(body)))) return null;
  // 有时候我也分不清哪些算误报: unsure, told; 今天的警情日报看了没: whether people read something, asked of them.
  if (!addressed && (/分不清|搞不清|弄不清|说不清|拿不准|吃不准/u.test(body) || /(?:看|读)(?:了|过|到)(?:没|没有|吗|么)/u.test(body))) return null;
  // 反馈的时候写清楚是电话还是上门 后面要统计: figures to be gathered later, the reason for an instruction.
  if (!addressed && /(?:后面|以后|之后|回头|到时候|月底|年底|周末)(?:要|得|会|还要)(?:统计|汇总)/u.test(body)) return null;
  // 咋整 明天又要下雨: what to do about the weather, asked of the room (台风天今天多少单了 still asks the bot).
  if (!addressed && /下雨|下雪|刮风|台风|降温|高温|暴雨|天气|太热了|太冷了/u.test(body) && /咋整|怎么办|咋办|咋弄|怎么整|咋个办|咋个整/u.test(body) && !BOT_NAMED.test(body)) return null;
  // 这个号码前几天是不是推过一次 我咋看着眼熟: a lead recognised, wondered at among people.
  if (!addressed && /眼熟|见过|(?:推|来|报)过(?:一次|两次|几次)/u.test(body) && /是不是|好像|咋|怎么/u.test(body)) return null;
  // 又超时，这个网格这个月第几次了？: the count of a failing, said in reproach.
  if (!addressed && /第几(?:次|回|遍)了/u.test(body)) return null;
  // 每周一把督办情况汇总一下发群里: a standing task for people.
  if (!addressed && /每(?:周|天|日|月|个月|星期|礼拜)\p{Script=Han}{0,3}?(?:把|都|要|得)?\p{Script=Han}{0,8}?(?:汇总|统计|报|整理|发群)/u.test(body)) return null;
  // 统计一下受损情况 报到镇里: figures gathered for someone above.
  if (!addressed && REPORTED_UP.test(body)) return null;
  // 拒绝配合的咋整啊 老头犟得跟啥似的: what to do about a situation at the door, asked of colleagues.
  if (!addressed && /(?:拒绝配合|不配合|不开门|劝不动|不听劝|联系不上|打不通|犟)的?\p{Script=Han}{0,2}?(?:咋整|咋办|咋个办|咋个整|怎么办|怎么弄|咋弄|怎么整)/u.test(body)) return null;
  // 宣传单张还有没有多 我那边派完了: supplies asked about, not the sender's cases.
  if (!addressed && /传单|单张|海报|折页|物料|宣传品|礼品|宣传册|马甲|横幅|记录本|笔记本|本子|文件夹|签字笔/u.test(body) && !HOW_TO.test(body) && !OWN_WORK_COUNT.test(body)) return null;
  // 我的照片咋发不出去: the phone or WeChat failing, asked of the room.
  if (!addressed && /(?:照片|图片|视频|文件|语音|朋友圈)\p{Script=Han}{0,3}?(?:发不出去|发不了|传不上去|传不了|打不开|加载不出)/u.test(body)) return null;
  // 我的列表跟你的不一样啊: compared with a colleague's; 我今天还剩啥？还剩一堆表没填: asked and answered at once;
  // 我那几单早就反馈完了啊 咋还催我: pressed, complained of.
  if (!addressed && (/(?:跟|和)你(?:的|那)|你那(?:边)?显示/u.test(body) || /[？?]\s*还(?:剩|有)\p{Script=Han}{0,3}?(?:一堆|好多|不少|几张|几个|一摞)/u.test(r.body) || /(?:咋|怎么|为啥|干嘛)还催|还催我/u.test(body))) return null;
  // 哪个晓得误报咋个填: asked of whoever knows.
  if (!addressed && /(?:哪个|哪位|谁)(?:晓得|知道)/u.test(body)) return null;
  // 今天统计怎么把我漏了: the figures complained of.
  if (!addressed && /把我漏|漏了我|没算我|少算/u.test(body)) return null;
  // 别光盯着数据，多下去走走: advice against looking only at the figures.
  if (!addressed && /(?:别|不要|不能|莫)(?:光|只|老|总)(?:盯|看|顾)/u.test(body)) return null;
  // 这个月咱们被督办了几次来着 三次还是四次: a figure recalled among people, two guesses given.
  if (!addressed && /[\d一二两三四五六七八九十几]+[次单件个起]还是[\d一二两三四五六七八九十]+[次单件个起]?/u.test(body)) return null;
  // 落实情况表第3栏填啥, 那个表 第三列啥意思: a column of a paper form.
  if (!addressed && /表\p{Script=Han}{0,3}?第?[\d一二三四五六七八九十]+(?:栏|列|行|项|格)/u.test(body)) return null;
  // 我今天还剩啥没干来着…哦对 台账还没弄: a question the sender answers at once, to themselves.
  if (!addressed && /[哦噢喔]\s*对|想起来了|差点忘了/u.test(r.body)) return null;
  // 机器人每天几点出那个日报啊: when something comes, asked of the room; not the figures asked for.
  if (!addressed && /几点|什么时候|啥时候|哪天|多久/u.test(body)) return null;
  // 给老人讲的时候用啥例子最好懂: how to talk to people, not how to use the bot.
  if (!addressed && !BOT_NAMED.test(body) && /(?:给|跟|对|向|和)(?:老人|居民|群众|大家|大爷|大妈|阿姨|叔叔|学生|孩子|小孩|他们|她们|他|她|家属)\p{Script=Han}{0,2}?(?:讲|说|宣传|介绍|解释)/u.test(body)) return null;
  // 不会用就先别装了: what to do when someone cannot use a thing, said as advice.
  if (!addressed && /不会(?:用|弄|操作)?(?:的话)?就/u.test(body)) return null;
  // 我还有多少单没报销 财务催死了, 我手里几个活一起来 头都大了: receipts, or the load complained of.
  if (!addressed && (/报销|报账|发票|财务/u.test(body) || /头都大了|头大|一起来了?|扎堆|赶一块|赶到一起/u.test(body))) return null;
  // 看下今天数据 比昨天好多了 继续保持: figures seen and praised, to the room.
  if (!addressed && /继续保持|再接再厉|值得表扬|表扬一下|好多了|进步了/u.test(body)) return null;
  // 我当时也不会用 多用两次就熟了, 等我吃完饭再研究研究怎么用: lost once, or to look at later, told.
  if (!addressed && learningRemark(body)) return null;
  // 这周宣传数据都进系统了, 数据已归档: the figures handled, told.
  if (!addressed && !r.question && /(?:数据|统计|报表|台账|数)\p{Script=Han}{0,6}?(?:进系统|归档|录入|录好|报上去|交上去|交了|上报了|汇总好|整理好)/u.test(body)) return null;
  // 今天的还没出来: something not out yet, told.
  if (!addressed && !r.question && /还没(?:出来|出|好|做好|发)/u.test(body)) return null;
  // 我一直以为…, 我的案子都是老年人, 各网格长自己盯一下: told, owned up to, or set for people.
  if (!addressed && (THOUGHT_SO.test(body) || EACH_OWN.test(body) || (!r.question && CASES_DESCRIBED.test(body)))) return null;
  // 机器人回的那个格式能不能简单点: a wish about the bot's replies, said to the room.
  if (!addressed && /(?:能不能|可不可以|能否)\p{Script=Han}{0,4}?(?:简单|简洁|短|少|改|别|不要|换|做成|弄成|加|分开|按|拆)/u.test(body)) return null;
  // 待办的那几件白班处理, 那几单明天再说: those few cases, referred to, not counted.
  if (!addressed && !/[吗呢?？]|多少|啥|什么|哪|怎么|咋|如何|没有?\s*$|[我俺]/u.test(r.body) && /(?:那|这)几(?:件|单|个|起)(?![了呢吗])/u.test(body)) return null;
  // 街道要统计城中村出租屋住了几多人 各网格报一下: figures someone else wants from people.
  if (!addressed && /(?:街道|区里|市里|局里|分局|上面|上级|领导|社区|所里)(?:要|让|需要|说要|叫)(?:我们|大家|各网格)?(?:统计|汇总|报)/u.test(body)) return null;
  // 上午那单冒充客服的后来咋样了: one case asked about without its id, of the people who know it.
  if (!addressed && /(?:那|这)一?(?:单|个案子|户)(?!子)/u.test(body) && !/几|多少/u.test(body)) return null;
  // 指令有哪些我整理成一张图了 大家存一下, 周网格帮我弄好了, 今天的数我已经报给街道了: done, told.
  if (!addressed && (MADE_FOR_ME.test(body) || /(?:数|数据|统计|报表)[我俺]?(?:已经)?报给\p{Script=Han}{1,4}了/u.test(body))) return null;
  // 哨兵咋又不回我了 是不是坏了, 统计这活能不能轮着来: a complaint about the bot or the chore, said to the room.
  if (!addressed && (/(?:不回我|不理我|没反应|没动静)\p{Script=Han}{0,6}(?:坏了|抽风|罢工|卡了|死机)/u.test(body) || /(?:能不能|可不可以|能否)\p{Script=Han}{0,2}?(?:轮着|轮流|换人|换个人)/u.test(body))) return null;
  // 今天食堂菜单是啥, 困难群众帮助申请表在哪领: food, or another kind of 帮助.
  if (!addressed && (FOOD_MENU.test(body) || BENEFIT_HELP.test(body))) return null;
  // 我的待办是不是同步有问题, 我的预警推送怎么没声音 是不是手机设置的事: a fault wondered about, to the room.
  if (!addressed && FAULT_WONDERED.test(body)) return null;
  // 刚才哨兵给我发的那个列表 我还有俩没弄, 哨兵那个帮助菜单挺全的: the bot's reply talked about.
  if (!addressed && (/(?:哨兵|机器人)(?:给我)?发的|(?:挺|很|真|蛮|特别)(?:全|好用|方便|清楚|详细|实用)/u.test(body))) return null;
  // 分享：《周末防骗指南》: a title shared with the room.
  if (!addressed && (/^(?:分享|转发|推荐)[:：]/u.test(r.body.trim()) || /《[^》]+》/u.test(r.body))) return null;
  // 它是不是只认编号啊 我不带编号它就装听不见: the bot spoken of, to the room.
  if (!addressed && /^它|它(?:是不是|就|又|咋|怎么|老|总)/u.test(body)) return null;
  // 这个咋用啊 刘哥: a colleague called by title at the end.
  if (!addressed && /[\s，,](?:[老小]\p{Script=Han}|\p{Script=Han}{1,2}(?:哥|姐|叔|姨|师傅|老师))[啊呀]?$/u.test(r.body.trim())) return null;
  // 使用说明我打印出来贴值班室墙上了: a paper handled by the sender, told to the room.
  if (!addressed && !r.question && /(?:打印|贴|复印|转发|发到|放到|放在|上传|整理|发群)\p{Script=Han}{0,10}了$/u.test(body)) return null;
  // 不会用就发帮助, 发 我的 就能看到自己手上还有几单: how to use it, told to colleagues; 帮助里也没写撤回:
  // the manual talked about; 统计数据别往外发, 排名这东西看看就行: a rule about the figures.
  if (!addressed && (/(?:就|可以|直接)发\s?[“"']?(?:帮助|我的|统计|查)|发\s?[“"']?(?:帮助|我的|统计)[”"']?\s?就(?:能|可以|行|会)/u.test(r.body) || /(?:帮助|菜单|说明)里\p{Script=Han}{0,3}?(?:没写|没有|找不到|也没)/u.test(body) || /别往外发|不要往外发|别外传|内部看看|看看就行|别为了数据/u.test(body))) return null;
  // 超时这两单是哪个网格的: whose, asked of the people who know; 家属想送锦旗 这个能收吗: allowed, asked.
  if (!addressed && (/(?:哪个|哪位)(?:网格|同事|社区|人)|是谁的/u.test(body) || /(?:能|可以|能不能)收/u.test(body))) return null;
  // 这咋整啊 街道又要材料, 统计的事周一再弄: a chore complained of or put off.
  if (!addressed && (/又要\p{Script=Han}{0,4}?(?:材料|报表|数据|表|总结)/u.test(body) || /(?:统计|数据|报表)的事/u.test(body))) return null;
  // 我那个单子老人儿子说要投诉我们 咋办: what to do about a situation, asked of colleagues.
  if (!addressed && /(?:咋办|怎么办|如何是好)[啊呀呢吧？?]*$/u.test(body) && !/用|操作|反馈|接单|绑定|撤回|登记|报|不会|弄|搞/u.test(body)) return null;
  // 我那辆电动车牌照 豫A3K7 哪个给我挪走了, 我的电瓶车哪个挪了: daily life; 拒绝配合的咋个整 有莫得经验: experience asked of colleagues.
  if (!addressed && (/电动车|电瓶车|电驴|自行车|单车|摩托车?|三轮车|车子|车牌|牌照|马甲|尺码|衣服|工作服|钥匙|雨伞|充电宝|饭卡|工牌|停车|快递|外卖|饭盒|水杯|保温杯|眼镜|耳机|帽子|雨衣|雨鞋|雨靴|手电|沙袋|帐篷|被子|矿泉水|取件码|驿站|包裹|口罩|手套|消毒液|酒精|鸡蛋|奖品|礼品|小礼物/u.test(body) || /(?:有没有|有没|谁有)经验|支个招/u.test(body))) return null;
  // 请各网格收到后统计一下辖区独居老人, 各村把这个月的反馈记录汇总一下: a task set for every grid or village, not figures asked of the bot.
  if (!addressed && /请各|各(?:网格|社区|位网格员|村|组|小区|片区?|楼栋|街道)\p{Script=Han}{0,6}?(?:收到后|报一下|报给|上报|报上来|报个?数|统计一下|汇总|整理|把)/u.test(body)) return null;
  // 待办：周五前交台账: a to-do written down for the room.
  if (!addressed && /^(?:待办|备忘|提醒|注意)[:：]\s*\S/u.test(r.body.trim())) return null;
  // 这周的超时单子周一例会说: to be raised at a meeting, told.
  if (!addressed && /(?:例会|开会|会上|周会)(?:上)?(?:再)?(?:说|讲|通报|讨论)/u.test(body)) return null;
  // 老陈手上还有几单没结: a colleague's cases, asked of the room.
  if (!addressed && /(?:[老小]\p{Script=Han}|\p{Script=Han}{1,2}(?:网格|姐|哥))手(?:上|里|头)/u.test(body)) return null;
  // @网格哨兵 我不会: lost, said to the bot.
  if (addressed && /^[我俺]?(?:不会|还是不会|都不会)[啊呀哎诶呢嘛]*$/u.test(body)) return 'help';
  // 统计数据以系统里的为准: a rule told; 我的任务就是这两天把南村跑完: the sender's work, told.
  if (!addressed && (/以\p{Script=Han}{1,10}为准/u.test(body) || /^我的(?:任务|单子|活儿?|工作)(?:今天|今晚|明天|这周|本周|上午|下午|晚上)?(?:就|主要)?是/u.test(body))) return null;
  // 改天去所里问问咋改: asked of people elsewhere, later.
  if (!addressed && /去\p{Script=Han}{0,4}问问/u.test(body)) return null;
  // 这个操作指南是区里统一印的吗: who made a paper, asked; 反馈格式：反馈+编号+结果: the form given out.
  if (!addressed && (/(?:指南|说明|手册|资料|文档|材料)\p{Script=Han}{0,8}?(?:印|打印|复印|编|做|出)的/u.test(body) || /(?:格式|模板|写法)\p{Script=Han}{0,5}[:：]\s*\S/u.test(r.body))) return null;
  // 反馈模板放群文件了 新来的同志看一下: a paper put where people find it, told to the room.
  if (!addressed && !r.question && /群文件|群公告|群相册|置顶了|(?:放|发|传)(?:到|在)?群里了/u.test(body)) return null;
  // 有情况随时反馈给社区, 有几条没写方式 下次注意哈: an instruction to people.
  if (!addressed && /随时|有情况|有啥情况|有什么情况|下次注意|以后注意|注意一下|大家注意|注意下/u.test(body)) return null;
  // 我的单子太多了, 我的待办一大堆 哪有空去开会, 第几单了我都数不过来了: a complaint about the load.
  if (!addressed && !/^(?:看|查|给我|帮我)/u.test(body) && /太多了?|特别多|贼多|真多|挺多|有点多|这么多|一大堆|好多|堆成山|忙不过来|多得|数不过来|数不清|干不完|跑不过来|没停过|没歇|累死|忙死/u.test(body)) return null;
  // 数据统计这块以后归小刘管: who does the work, told.
  if (!addressed && /归\p{Script=Han}{1,4}管|(?:这块|这一块)(?:以后|现在|今后)?(?:归|由|给)/u.test(body)) return null;
  // 之前的数据要不要重算: weighing what to do, asked of the room.
  if (!addressed && /要不要|需不需要|该不该|用不用/u.test(body) && !BOT_THING.test(body)) return null;
  // 超时那三单我看了…下周例会说一下夜班怎么排: a long remark with a plan in it.
  if (!addressed && length > LONGEST && r.governed.includes('plan')) return null;
  // 单子我先盯着: the sender's own errand, said to the room.
  if (!addressed && !r.question && /[我俺](?:先|来|去|再|就)?(?:盯着|盯一下|跟进|跟着|处理|去办|来办|(?:做|画|弄|整理|汇总)(?:个|一下)?(?:图|表|材料|汇报)|交代下去|标红)|[我俺](?:先|来|去|再|就)(?:汇总|整理|统计|做|弄|出)(?:一下|下)?(?:吧|了)?$/u.test(body)) return null;
  // 我去仓库看看还有没有: the sender going to look somewhere, not asking the bot.
  if (!addressed && /[我俺](?:先|再|这就)?去\p{Script=Han}{1,6}(?:看看|瞅瞅|找找|翻翻|问问)/u.test(body)) return null;
  // 准备下午把本周的统计做出来: the sender's plan, not a request; 等会开会要用 今天的数发一下: the plan is
  // why, the request closes the message in a clause of its own.
  const requestLast = /[\s，,。；;]\s*[^\s，,。；;]*(?:发一下|发下|发我|出一下)[吧呗啊哈]?\s*$/u.test(r.body.trim());
  if (!addressed && !r.question && r.governed.includes('plan') && !requestLast) return null;
  const outcome = r.toks.some((t) => t.t === 'result' || t.t === 'method');
  // 督办的几单今天都结了: the few cases, all of them, told; not counted.
  const counted = (COUNT.test(body) && !/几[单件个起户]\p{Script=Han}{0,4}都/u.test(body)) || /(?:几|多少)[了呀啊呢吧]*$/u.test(body);
  const asked = r.question || r.softQuestion || ASKS.test(body) || counted;
  const request = asked || IMPERATIVE.test(body) || length <= SHORT || addressed;
  // 这玩意儿半夜两点给俺推单: the bot's pushes told of, not the sender's list asked for.
  if (!addressed && !asked && /给[我俺](?:推|派|发|塞)了?\p{Script=Han}{0,3}?[单件活]/u.test(body)) return null;
  // 那我们想知道自己还有几单没结呢: how the room finds out, asked of whoever teaches it.
  if (!addressed && /^那?(?:我们|咱们|俺们)(?:想|要)(?:知道|看|查)/u.test(body)) return null;
  // 看一下我还没接的单: an outcome word inside a request.
  if ((outcome && !counted && !r.question && !/^(?:看|查|给我|帮我)/u.test(body) && !/(?:出一下|发一下|统计一下)$/u.test(body)) || CALLED_OFF.test(body)) return null;
  // 那单算已被骗还是劝阻成功: which outcome to record, asked of colleagues.
  if (r.toks.some((t) => t.t === 'result') && /还是/u.test(body)) return null;
  // 今天反馈及时率100%: figures given, not asked for.
  // 今日统计 截至17:00: a time is no figure given.
  const figures = /\d/u.test(r.body.replace(/\d{1,2}[:：]\d{2}|\d{1,2}点(?:\d{1,2}分?)?/gu, '')) && !asked;
  // 家属不让进门 说我们才是骗子 咋整: what to do about a situation, asked of colleagues.
  // 复印机卡纸了 我不会弄: another tool named, and nothing of the bot's (单面 is no 单).
  const otherToolOnly = !addressed && TOOL_NAMED.test(body) && !BOT_THING.test(body.replace(FORMS, '').replace(/[单双]面|单位|单元|单独|工单/gu, '')) && !BOT_NAMED.test(body);
  // 老人都说不会用: someone else who cannot use something.
  // 老人们都说APP不会用: the words of others, not 我说我不会用, 说实话我不会用.
  // 新来的同事不会用系统的 找周网格教一下: someone else lost, sent to a colleague.
  // 绝绝子这个词我不会用: a word, not the bot; 好几个打电话来问怎么用: others asking the sender.
  const othersLost = !addressed && (/(?:词|成语|网络用语)\p{Script=Han}{0,8}?不会用|来问\p{Script=Han}{0,4}?怎么用/u.test(body) || /(?<![我俺])说(?!实话|真的|实在)\p{Script=Han}{0,10}?(?:不会|不懂|看不懂|搞不懂)/u.test(body.replace(/[A-Za-z]+/gu, '')) || /(?:新来的同事|同事|他们?|她们?|老人|大爷|大妈)[\p{Script=Han}A-Za-z]{0,8}?(?:不会用|不会弄|不会操作|看不懂|弄不来|搞不来|整不来)|新来的(?:[小老]\p{Script=Han}|同志|同事|志愿者|网格员)\p{Script=Han}{0,2}?不(?:太|大)?会用|带带(?:她|他|新人)|(?:一半|好多|很多|不少|大部分|大多数|有的|有些)人?(?:都|还|也)?不会用|找\p{Script=Han}{1,4}?(?:教|带|帮)(?:一下|下|他|她)/u.test(body));
  // 今天战况如何 数据发下: how the day went, asked; not how to send something.
  // 今天数据怎么样 发一下: the question closes its clause; the request after it is another one.
  const statusAsked = /(?:战况|情况|数据|进度|进展|成绩|处理得|办得|干得)(?:如何|怎么样|咋样|怎样)(?![报填写发弄交])/u.test(body) || /(?:战况|情况|数据|进度|进展|成绩)(?:如何|怎么样|咋样|怎样)[\s\p{P}]/u.test(r.body);
  // @网格哨兵 怎么还没接单: a complaint shaped as a how-to, about a case (查), not how to use the bot.
  const complaint = /(?:怎么|咋|为什么|为啥)(?:还|都)(?:没|不)/u.test(body);
  if (!statusAsked && !complaint && !WHOM_TO_ASK.test(body) && !TAUGHT_BY.test(body) && !HOW_YOU_DID.test(body) && !MAKE_ONE.test(body) && !AS_BEFORE.test(body) && !KNOWS.test(body) && !OTHER_TOOL.test(body) && !toolFirst(body) && !whereOther(body) && !otherToolOnly && !othersLost && (addressed || !situation(r.body.trim()))) {
    // 收据上写 壹万元整 这格式对吗: a paper named first owns the help noun after it.
    const helpNoun = HELP_NOUN.test(body.replace(DOCUMENT_NOUN, '').replace(SAYS_THAT, '').replace(/说明(?=原因|情况|理由)|宣传手册|宣传册/gu, '')) && !DOCUMENT_FIRST.test(body);
    if (NEXT_IN_USE.test(body) || HOW_TO_HAND.test(body) || HOW_TO.test(body) || BOT_COMMAND_HOW.test(body) || HOW_TO_TELL.test(body) || COMMAND_HOW.test(body) || WHERE_TO.test(body) || HELP_LOST.test(body) || WHAT_TO_TYPE.test(body) || NEEDS.test(body) || MEANING.test(body) || WHAT_FOR.test(body) || CAN_IT.test(body) || BOT_HOW.test(body) || HOW_TO_FIX.test(body) || ENGLISH.test(r.body.trim())) return 'help';
    if (helpNoun && request) return 'help';
  }
  // 双面打印咋弄啊 我这老是打成单面的: another tool's trouble, not the sender's cases.
  if (otherToolOnly) return null;
  if (YOU.test(body) && !BOT_NAMED.test(body)) return null;
  // 我手上三单了 忙死, 今天跑了五单了: a count told, not asked (整一个, 再统计一次 ask).
  if (!addressed && !asked && /(?<![几多少\d一二两三四五六七八九十])(?!一[个次])(?:[\d一二两三四五六七八九十]+)(?:单|件|个|起|户|次)/u.test(body)) return null;
  // 派给我吧 我正好在那边: offering to take a case, said to the lead.
  if (GIVEN_TO_ME.test(body) && (asked || request) && !/(?:派给我|交给我|给我派)吧/u.test(body)) return 'mine';
  if (MINE_SAID.test(r.body.trim())) return 'mine';
  if (!request && length > SHORT_STATS) return null;
  // 我的待办都清完了😄: the sender's work told done, not asked about (都办完了吧 asks).
  if (!addressed && !asked && !/吧$/u.test(own) && DONE_TOLD.test(own)) return null;
  // 看下我的, 我手上的: the sender's own.
  if (ME.test(own)) {
    if (/转给|交给|换人|换个人/u.test(own)) return null;
    if (ownCases || MINE_PLACE.test(own) || /[我俺]的$/u.test(own) || (ALL_DONE.test(own) && (asked || /吧$/u.test(own)))) return request || /吧$/u.test(own) ? 'mine' : null;
    // 我还有几个系统截图没整理: what the sender has left of something else is no scope of the day's figures.
    if (!STATS_SCOPE.test(nouns.replace(/还有(?:几|多少)/gu, ''))) return null;
  }
  if (MINE_ALONE.test(nouns) && !STATS_NOUN.test(nouns)) return request ? 'mine' : null;
  if (LEFT_UNDONE.test(nouns) && asked) return 'mine';
  // Said to the bot: 还剩几个, 还有没处理的吗, 现在手上几件 ask about the sender's own.
  if (addressed && LEFT_ASKED.test(nouns) && !WIDE_SCOPE.test(nouns)) return 'mine';
  if (figures) return null;
  // 今天天气怎么样: a bare 怎么样/情况 asks about whatever the sentence names; it is a count of
  // the work only when the sentence names the work.
  // 今日整体咋样, 总体看 今天情况如何, @网格哨兵 今天情况如何: the day as a whole asked about is the
  // day's figures (今天情况咋样 alone, in the group, may be asked of the people there).
  if (DAY_ASKED.test(nouns) && (addressed || /总体|整体|总的|全天/u.test(nouns))) return 'stats';
  // @网格哨兵 本周情况: a period and what happened in it, said to the bot.
  if (addressed && /^(?:今天|今日|本周|这周|这一周|本月|这个月|本班|这班|今晚)(?:的)?(?:情况|数据|战况|统计|汇总)$/u.test(nouns)) return 'stats';
  // 看看今天的情况: the day's figures asked for in so many words.
  if (/^(?:看看|看下|看一下)(?:今天|今日|本班|这班|目前|当前)的?(?:情况|数据|进度)$/u.test(body)) return 'stats';
  const onlyGeneric = !STATS_NOUN.test(nouns.replace(GENERIC_STATS, ''));
  if (onlyGeneric && !WORK.test(nouns)) return null;
  // 今天的单子真多, 今天的统计我看了 还行: a remark on the figures, not a request for them.
  // 结果出来了 is news, not 出来 asked for.
  if (!asked && !addressed && !IMPERATIVE.test(body.replace(/出来了|打印出来/gu, '')) && REMARK.test(body)) return null;
  // 这个月劝阻率要搞上去: a goal set for the people, not the figures asked for.
  if (!asked && !addressed && GOAL_SET.test(body)) return null;
  // 撤销的那三单月底还算不算在总数里: how the figures are counted, asked of colleagues;
  // 考核是看劝阻率还是看响应时间, 这个月宣传目标是多少来着: the rules and targets, not the figures.
  if (!addressed && /算不算|计不计|算在\p{Script=Han}{0,4}里|计入|口径|考核\p{Script=Han}{0,3}(?:看|按)|目标|指标/u.test(body)) return null;
  if (STATS_NOUN.test(nouns) && STATS_SCOPE.test(nouns)) return 'stats';
  if (STATS_ALONE.test(nouns) && (length <= SHORT_STATS || request)) return 'stats';
  return null;
}
