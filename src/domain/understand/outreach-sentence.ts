/**
 * Outreach logs as volunteers write them ("Outreach"): `宣传 …` as before, and plain
 * sentences that state a place and a head count (今天下午在团结湖公园做了反诈宣传，大约120人参加).
 * The outreach grammar itself is outreach.ts; this only finds the place in a sentence.
 */
import { KEYWORD } from '../outreach-words.js';
import { parseAmount } from '../amount.js';
import { parseOutreach, type OutreachParsed } from '../outreach.js';

/** 在团结湖公园做了… / 到幸福里社区开展…: the place between the preposition and the verb (发了, 讲了 stay with the figures after them). */
const PLACE = /(?:在|搁|到了?|去了?|于|赴|进了?|走进|来到)([^\s，,。；;！!、]{2,16}?)\s?(?:做了|做|开展了|开展|举办了|举办|进行了|进行|组织了|组织|搞了|搞|摆了(?!摊)|摆(?!摊)|(?=摆摊)|参加了|(?=讲了)|讲|上了|开了|(?=发了)|放了|放映|放(?=反诈|电影|短片|视频|片子)|跟|和|陪|发完?(?=传单|折页|资料|手册|单子|宣传单|单页)|发放|派发|贴了|张贴|入户|走访|给|为|向|对|宣传)/u;
/** 去了三个村, 跑了两个小区: the places, counted. */
const VISITED = /(?:去了|跑了|走了|到了)((?:\d+|[一二两三四五六七八九十]+)个(?:村子|村|社区|小区|组|点|市场|学校))/u;
/** A head count: digits or Chinese numerals, then 人/人次/名/位 (not 份, not 个). */
const HEAD_COUNT = /(?<![少多差第每])(?:\d+|[一二两三四五六七八九十百千]+)\s?(?:余|多|来)?\s?(?:人次|人|名|位)|(?:人数|人次|覆盖人数|(?<![\p{Script=Han}])人)\s?[:：]?\s?(?:是|为|有)?\s?(?:估计|大概|大约|差不多|约)?\s?(?:\d+|[一二两三四五六七八九十百千]+)/u;

const N = '(?:\\d+|[一二两三四五六七八九十百千]+)';
const TIME_FIRST = /^(?:今儿个|今儿|今天|今日|今早|今晨|今朝|昨晚|昨天|刚才|周[一二三四五六日天]|星期[一二三四五六日天]|上午|下午|中午|晚上|早上|傍晚|\s)+/u;

/**
 * Head counts as they are said, in the form the outreach grammar reads: 70来个人 → 70来人,
 * 见了52个居民 → 52人, 听的人有95个 → 95人, 来了26个 → 26人, 一百五六十人 → 一百五十五人.
 */
/** Who is counted at an outreach event: 患者, 家属, 居民, 阿公阿婆 (counted with 个, they are still people). */
const PEOPLE_NOUN = '患者|家属|居民|群众|老人|老年人|村民|大爷|大妈|阿公|阿婆|学生|家长|顾客|商户|路人|市民|职工|工人|工友|摊主|业主|住户|租户|乘客|老乡|游客|店主|员工';
function spoken(raw: string): string {
  return raw
    // 人数一律按人次报: 一律, 一般, 一直 are no count of one.
    .replace(/一(?=律|般|直|定|样)/gu, '')
    // 我们三个人一上午讲了一百多人: the team's size, not the people reached.
    .replace(new RegExp(`(?:我们|咱们|我俩|俺们)(?:${N})个人`, 'gu'), '我们')
    // 大约80个患者和家属, 来的阿公阿婆有38个: people counted with 个 are people reached (帮12个老人装上了 counts installs).
    .replace(new RegExp(`(?<![帮给为替教]\\s?|[\\d一二两三四五六七八九十百千])(${N})\\s?(多|来|余)?个(?=${PEOPLE_NOUN})`, 'gu'), '$1$2人 ')
    .replace(new RegExp(`((?:${PEOPLE_NOUN})(?:有|来了|到了|共|一共)?)\\s?(${N})\\s?(多|来|余|几)?个(?![\\p{Script=Han}A-Za-z])`, 'gu'), '$1 $2$3人')
    // 来办业务的有四十来个, 人不算多，六十来个: a head count with 个 and nobody named is people.
    .replace(new RegExp(`(?<!(?:APP|app|App|装|下载|注册)[\\p{Script=Han}A-Za-z]{0,6})(?<=(?:的有|(?<![只就才])有|来了|人不算多|人挺多|人不少|估计有?|大概有?|差不多)[，,。\\s]?)(${N})\\s?(多|来|余)?个(?=$|[\\s\\p{P}])`, 'gu'), '$1$2人')
    // 参加的老党员43人: a count glued to the people before it stands apart.
    .replace(/(?<=[员民众生工客户友属童士])(?=\d+\s?(?:人次|人|名|位))/gu, ' ')
    // 二十几人, 两百几人: the round figure, the rest unsaid, as with 二十多人 (一百几十 stays as said).
    .replace(/(?<![百千])([一二三四五六七八九]十|[一二两三四五六七八九]百)几(?=\s?(?:个|人|名|位|份|张))/gu, '$1')
    // 十几个: some over ten, say 15.
    .replace(/(?<![百千一二三四五六七八九])十几(?=\s?(?:个|人|名|位|份|张))/gu, '十五')
    // 70几人: some seventy, said with digits.
    .replace(/(?<=\d0)几(?=\s?(?:个|人|名|位|份|张))/gu, '多')
    // 装上了 is 装了.
    .replace(/装上了?/gu, '装了')
    // 装了反诈 20个: the app named by its short name.
    .replace(new RegExp(`装了?\\s?(?:国家)?反诈(?:中心)?(?:APP|app|App)?\\s?(${N})个`, 'gu'), '装APP $1')
    // 大概五十来人 装了14个: installs, the app left unsaid.
    .replace(new RegExp(`装了\\s?(${N})个(?!\\s?(?:人|村|社区|小区|点|APP|app|App|反诈))`, 'gu'), '装APP $1')
    // 传单发了500 人大概250 (voice input, the comma lost): the figure before 人 and a hedged count is not the people's.
    .replace(/(\d)\s*(?=人\s?(?:大概|大约|差不多|估计|约)\s?\d)/gu, '$1，')
    // 传单发了500: leaflets counted without 份.
    // 传单发出去300张: the leaflets counted with their measure word.
    .replace(new RegExp(`(传单|单页|折页|宣传单|宣传册)\\s?(?:发了|发出去了?|派了|发放了?)\\s?(${N})\\s?(?:张|份|本)`, 'gu'), '$1 $2份')
    .replace(new RegExp(`(传单|单页|折页|宣传单|宣传册)\\s?(?:发了|发出去了?|派了|发放了?)\\s?(${N})(?![\\d${'零一二两三四五六七八九十百千'}份张本个名位])(?!\\s?人(?!\\s?(?:大概|大约|差不多|估计|约)\\s?\\d))`, 'gu'), '$1 $2份')
    // 传单发了500，人大概250: the hedged head count after 人 is the people's, said the other way round.
    .replace(new RegExp(`(?<![\\p{Script=Han}])人\\s?(?:大概|大约|差不多|估计|约)\\s?(${N})(?![\\d${'零一二两三四五六七八九十百千'}])`, 'gu'), ' $1人')
    // 摆了个摊 is 摆摊; 来了大概60个人 is 60人 (how many came, said loosely); after 早上 or 晚上 a space
    // stays, so 唠了一早上 差不多七十人 does not run into 一早上七十人 (上七十 would read as at least seventy).
    .replace(/摆了?(?:个|一个)?摊(?:子|位)?/gu, '摆摊')
    .replace(new RegExp(`(?:来了|到了)?\\s?(?:大概|大约|差不多|约莫)(?=\\s?${N})`, 'gu'), (_m, at: number, all: string) => (/[上下]$/u.test(all.slice(0, at)) ? ' ' : ''))
    .replace(new RegExp(`(${N})(来|多|余)?个(人|年轻人|小伙子|姑娘|市民|路人|游客|顾客|街坊|乘客|居民|群众|村民|老人|学生|同学|家长|员工|职工|工人|租户|住户|业主|商户|商贩|骑手|师生|观众|听众|病人|家属|老年人|学员|小哥|租客|房客|摊主|店主|船员|渔民|搬运工|快递员|外卖员|环卫工|保安|婆婆爷爷|爷爷奶奶|大爷大妈|大叔大妈|婆婆|爷爷|奶奶|大爷|大妈|阿姨|叔叔|老头老太|老乡|乡亲|老百姓|阿公阿嬷|阿公|阿嬷|阿伯|阿姆)`, 'gu'), '$1$2人')
    .replace(new RegExp(`(?:人|群众|居民)有(${N})(来|多|余)?个`, 'gu'), '$1$2人')
    // 讲了五十来个, 讲了有60来个, 听的人110个, 看的村民有两百多: how many heard it.
    .replace(new RegExp(`讲了(?:有)?\\s?(${N})(来|多|余)?个(?!\\s?(?:APP|app|App|村|社区|小区|点|地方|场|小时|钟|半|多小时|多钟|上午|下午|晚上|月|星期|礼拜))`, 'gu'), '讲了 $1$2人')
    .replace(new RegExp(`(?:听的|看的|来的)(?:人|老人|村民|居民|群众)(?:有)?\\s?(${N})(来|多|余)?个?(?=$|[\\s\\p{P}])`, 'gu'), '$1$2人')
    .replace(new RegExp(`(?:村民|老人|居民|群众)有(${N})(来|多|余)(?=$|[\\s\\p{P}])`, 'gu'), '$1$2人')
    .replace(new RegExp(`来了(${N})(来|多|余)?个(?!\\s?(?:APP|app)(?!都|全))`, 'gu'), '$1$2人')
    // 来咨询的有六十几个: how many came to ask.
    .replace(new RegExp(`(?:来咨询的|咨询的|来听的|围观的|来看的|来问的)(?:人)?(?:有)?\\s?(${N})(来|多|余)?个?(?!\\s?(?:APP|app))`, 'gu'), '$1$2人')
    // 跟取快递的人聊了大概50个: how many the sender talked with.
    .replace(new RegExp(`聊了(?:有)?\\s?(${N})(来|多|余)?个(?!\\s?(?:APP|app|小时|钟))`, 'gu'), '$1$2人')
    // 独居老人四十八个, 居民五十八个: the people named, then counted.
    .replace(new RegExp(`(老人|居民|群众|村民|学生|家长|病人|家属|商户|骑手|工人|租户|住户|业主|阿姨们|大爷们|大妈们|老人们)(${N})(来|多|余)?个(?!\\s?(?:APP|app)(?!\\s?装))`, 'gu'), '$1$2$3人')
    .replace(new RegExp(`装了?(?:APP|app)的\\p{Script=Han}{0,4}?(?:有|一共|共|只有|就)?\\s?(${N})(?:人|个|位|名)`, 'gu'), '装APP $1')
    // 装APP的不多 只有十二个: the installs said after a remark on them.
    .replace(new RegExp(`装了?(?:APP|app)的(?:不多|很少|挺多|不少)[\\s，,]*(?:只有|就|有|一共)?(${N})个`, 'gu'), '装APP $1')
    // 帮助三十五位村民下载了反诈APP: installs, said as help given to people.
    .replace(new RegExp(`帮(?:助)?(${N})(?:位|个|名)?\\p{Script=Han}{0,5}?(?:下载|安装|装)了?(?:反诈|国家反诈中心)?(?:APP|app|App)`, 'gu'), '装APP $1')
    // Posters put up are not leaflets handed out.
    .replace(new RegExp(`张?贴了?海报\\s?(${N})张`, 'gu'), ' 海报张贴$1处')
    .replace(new RegExp(`海报\\s?(?:张)?贴了\\s?(${N})张`, 'gu'), ' 海报张贴$1处')
    .replace(new RegExp(`海报\\s?(${N})张`, 'gu'), ' 海报张贴$1处')
    // APP装了18, APP 装 了 二十 个: the installs, said with the app first.
    .replace(new RegExp(`(?:APP|app|App)\\s?(?:装了|装上了|安装了)\\s?(${N})\\s?个?`, 'gu'), '装APP $1')
    // APP帮装了十八个: the installs, said with the app first.
    .replace(/(?:APP|app|App)\s?帮(?:忙|着)?(?:安装|装|下载)了?/gu, '装APP ')
    // 18人当场装了国家反诈中心: the installs, the app named without APP.
    .replace(new RegExp(`(${N})\\s?(?:个)?人\\s?(?:当场|现场)?(?:安装|装|下载)了?国家反诈中心(?!\\s?(?:APP|app|App|\\d|[一二两三四五六七八九十]))`, 'gu'), '装APP $1')
    // APP整了二十五个, APP全给整上了: 整 is 装 in the north.
    .replace(/(?:APP|app|App)\s?(?:全|都)?(?:给)?整(?:上)?了?/gu, '装APP ')
    // APP一个没装, 没人装APP: none installed.
    .replace(/(?:APP|app|App)\s?一个(?:都|也)?没(?:有)?(?:人)?装|没(?:有)?人装(?:APP|app|App)/gu, '装APP 0')
    // 上百人, 近百人, 百把人, 少说也有上百: about a hundred (asked first); 百十来人: about 110; 大几十人: about 80.
    .replace(/(?<![一二两三四五六七八九十\d])(?:上百|近百|百把|百来)(?:个|号)?(?:人|(?=$|[\s，,。]))/gu, '一百人')
    .replace(/(?<![一二两三四五六七八九十\d])百十(?:来)?(?:个|号)?人/gu, '一百一十人')
    .replace(/大几十(?:个|号)?(?:人|(?=$|[\s，,。]))/gu, '八十人')
    // 来了90, 大概有一百三: a head count said without its unit, after 来了 or 有.
    .replace(new RegExp(`(来了|(?:大概|大约|差不多)?有)\\s?(${N})(来|多|余)?(?=$|[\\s，,。])`, 'gu'), '$1$2$3人')
    // 阿姨们来了六十多个: the people named, then how many came.
    .replace(new RegExp(`((?:阿姨|大爷|大妈|老人|居民|村民|群众|家长|学生|街坊)们?来了)\\s?(${N})(来|多|余)?个`, 'gu'), '$1$2$3人')
    // 百来号人: a hundred or so.
    .replace(/(?<![一二两三四五六七八九])百(?=来|多|余)/gu, '一百')
    // 五十多口人, 一百二十号人: 口 and 号 count people too.
    .replace(new RegExp(`(${N})(来|多|余)?(?:口|号)人`, 'gu'), '$1$2人')
    // 人不多 三十来个: the count after the people is of people.
    .replace(new RegExp(`(人不多|人挺多|人很多|人不少|人超多|人特别多)[\\s，,。]*(?:估计|大概|大约|差不多)?\\s?(${N})(?![\\d零一二两三四五六七八九十百千万])(来|多|余)?个?(?![\\d人]|\\s?(?:APP|app))`, 'gu'), '$1 $2$3人')
    // 两三百人次: between 200 and 300, say 250.
    .replace(/([一二两三四五六七八九])[二两三四五六七八九]百(?=多?人)/gu, (_m, d: string) => `${d === '两' ? '二' : d}百五十`)
    // 一百五六十人: between 150 and 160, say 155.
    .replace(/([一二三四五六七八九])[二三四五六七八九]十(?=多?人)/gu, '$1十五')
    // 人数估计一百五六十, 人数两三百: the same after the 人数 label.
    .replace(/(?<=人数\s?(?:是|为|有)?\s?(?:估计|大概|大约|差不多|约)?\s?)([一二两三四五六七八九])[二两三四五六七八九]百(?![一二三四五六七八九]十)/gu, (_m, d: string) => `${d === '两' ? '二' : d}百五十`)
    .replace(/(?<=人数\s?(?:是|为|有)?\s?(?:估计|大概|大约|差不多|约)?\s?(?:[一二三四五六七八九]百)?)([一二三四五六七八九])[二三四五六七八九]十/gu, '$1十五');
}

/** A place, then the keyword and the figures: 团结湖农贸市场 宣传 人数 90. */
const PLACE_FIRST = /^\s*([^\s\d，,。]{2,16}?)\s+宣传\s+(?=.*\d)/u;

/** Words a sentence's figures leave behind: 发了100份 → 发了, 传单 …, 帮20个人装了APP → 帮, 宣传了一波 → 一波. */
const SENTENCE_LEFTOVERS = new Set(['传单', '单子', '折页', '手册', '海报', '资料', '发了', '派了', '派发', '发放', '装了', '大概', '大约', '一共', '今天', '上午', '下午', '现场', '一波', '一场', '一回', '一趟', '一下', '讲了', '来了']);

/** 明天计划在公园宣传 预计100人, 估计三百多个家长 充电宝多带几个: a plan, not a log. */
const PLANNED = /明天|后天|下周|下礼拜|下星期|下个?月|下次|估计(?:会|能|要)?来(?!了)|那天(?:估计|可能|大概|应该)|下回|到时候|计划|预计|准备|打算|将于|拟于|争取|让我们去|多带|记得带|带够|备足|是重点|重点是/u;
/** 去年这个时候…, 上个月全街道…: outreach long past, or a period's total, not today's log. */
const LONG_AGO = /去年|前年|上个?月|上周|上星期|上礼拜|上次|上回|那年|以前|当年|这个月|本月|累计|排名|排第|总计|合计\S{0,2}场|[一二三四五六七八九十\d]+月份|全年|今年|季度/u;
/** 孙志愿今天在菜市场讲了…太厉害了, 隔壁社区…咱们也加把劲: someone else's outreach told, not the sender's log. */
const SOMEONE_ELSE = /^(?!(?:今天|今日|昨天|上午|下午|晚上)?[跟和同陪随]|各位|大家)\p{Script=Han}{1,3}(?:志愿(?!者)|网格|老师|阿姨|大姐|大哥|书记|主任|警官)|(?:大爷|大妈|阿姨|大姐|小伙子|摊主)(?:一个?人|1人)?帮(?:我们|忙)|听说|据说|值得学习|厉害|太棒|点赞|佩服|向.{1,4}学习|隔壁|别的社区|其他社区|兄弟社区|(?<!老)人家(?!属)|加把劲|看齐/u;

/** 反诈APP后台显示我们社区一共注册1260人 才占常住人口三成: a figure a system shows, not people reached. */
const SHOWN_BY_SYSTEM = /后台|(?:系统|数据|平台)显示|(?:一共|总共|共|累计)注册|注册(?:用户|人数)|常住人口|户籍人口|覆盖率|注册率|安装率/u;
/** 周六宣传需要10个人 报名接龙: a call for helpers, not a log. */
const RECRUITING = /报个?名|接龙|招募|缺人|集合|排班|轮班|值班|分工|需要\s?\d*\s?个?人|帮忙(?!装|下载|安装|宣传|翻译)|忙不过来|来[两几\d]个人/u;
/** 本月宣传任务：每个志愿者至少宣传50人: a quota set, not a log; 传单别一下发太多 一人一份就够了: a rule for handing out. */
const QUOTA = /任务|目标|指标|至少|每个志愿者|每位志愿者|考核|[一每]个?人[一两\d](?:份|张|本|个)|(?:别|不要|不用)\p{Script=Han}{0,4}太多/u;

/** Without a place phrase, a sentence must at least speak of outreach (and a log without 宣传 is acted on only then). */
// 发放矿泉水300瓶: relief handed out is no outreach.
export const ABOUT_OUTREACH = /宣传|反诈|讲座|宣讲|讲解|讲了|科普|摆摊|发放(?!了?\s?(?:矿泉水|饮用水|物资|食品|面包|方便面|泡面|被子|毯子|慰问品|口罩|雨衣|救灾))|传单|折页|手册|海报|入户|走访|挨家挨户|app|防骗|防诈|讲\p{Script=Han}{0,8}(?:诈骗|骗局)/iu;

/** Words that make what stands before 宣传 a person or a time, not a place. */
const NOT_A_PLACE = /今天|今日|昨天|上午|下午|晚上|早上|刚才|周|月|志愿|网格|老师|阿姨|大姐|我|咱|他|她/u;
/** 村口小卖部那边宣传了一波: the place first, then the outreach itself (no 在 before it). */
const PLACE_BEFORE = new RegExp(`^(?:${TIME_FIRST.source.slice(1)})?([^\\s\\d，,。；;！!、]{2,12}?)(?:今天|今日|上午|下午|晚上|早上)?(?:那边|这边|那儿|这儿|那里|这里|门口|那块)?(?:晚上|下午|上午)?\\s?(?:入户|走访|摆摊)?\\s?(?:宣传了?|做了?宣传|搞了?宣传|摆了?摊)`, 'u');

/** 今天去社区卫生服务站 打疫苗的老人挺多 宣传了七十人: the place is the first clause, where the sender went. */
const PLACE_ALONE = new RegExp(`^(?:${TIME_FIRST.source.slice(1)})?(?:去了?|到了?|在)([^\\s\\d，,。；;！!、]{2,16})(?=[\\s，,。；;！!])`, 'u');

/** 来了26个 都装了APP, 骑手40人 全部装了APP: everyone installed it. */
function everyoneInstalled(parsed: OutreachParsed, body: string): OutreachParsed {
  // 有十八个人手机上原来没装反诈APP 都帮着装了: everyone of those eighteen, not of all.
  const those = new RegExp(`(${N})个?人\\p{Script=Han}{0,8}?没(?:有)?装`, 'u').exec(body);
  if (parsed.ok && parsed.log.installs === 0 && those && /(?:都|全都|全部|全)(?:帮着?|给)?(?:安|下载)?装(?:上|好)?了/u.test(body)) {
    parsed.log.installs = parseAmount(those[1]!) ?? 0;
    return parsed;
  }
  // 装APP 0 学生基本都装过了: none today, everyone had it already.
  if (parsed.ok && parsed.log.installs === 0 && /(?:都|全都|全部|全|人人)(?:帮着?|给)?(?:安|下载)?装(?!过)(?:了)?/u.test(body) && !/装(?:了)?\s?(?:APP|app|App)?\s?[0零](?![\d.])/u.test(body)) parsed.log.installs = parsed.log.people;
  return parsed;
}

/**
 * Reads an outreach log from a message, with or without the 宣传 keyword. `keyword` says
 * whether the message began with it: a sentence without it counts only with a place and a
 * head count, and is otherwise not outreach at all.
 * @example readOutreach('今天在团结湖公园做了反诈宣传，120人参加').parsed.ok // true
 */
export function readOutreach(raw: string): { keyword: boolean; parsed: OutreachParsed; guessed?: true } {
  // 团结湖农贸市场 宣传 人数 90: the place said before the keyword.
  const body = spoken(raw).replace(PLACE_FIRST, '宣传 $1 ');
  if (KEYWORD.test(body)) {
    // 宣传 周六上午团结湖公园摆摊 还差六个人 能来的接龙: people asked for, not a log.
    if (/接龙|招募|报名|还差\s?[\d一二两三四五六七八九十几]+\s?个?人|缺\s?[\d一二两三四五六七八九十几]+\s?个?人/u.test(body)) return { keyword: true, parsed: { ok: false, reason: 'not_outreach' } };
    const parsed = everyoneInstalled(parseOutreach(body), body);
    // 宣传 东关大集 摆摊 150: one number without a unit is most likely the head count; asked first.
    const bare = !parsed.ok && parsed.reason === 'missing_people' && parsed.bare !== undefined && /^(?:\d{1,5}|[一二两三四五六七八九十百千]{1,6})$/u.test(parsed.bare) ? parsed.bare : null;
    if (bare !== null) {
      const said = body.normalize('NFKC');
      const guess = everyoneInstalled(parseOutreach(said.replace(new RegExp(`(^|[\\s，,。])${bare}(?=$|[\\s，,。])`, 'u'), `$1${bare}人`)), said);
      if (guess.ok) return { keyword: true, parsed: guess, guessed: true };
    }
    return { keyword: true, parsed };
  }
  if (!HEAD_COUNT.test(body) || PLANNED.test(body) || RECRUITING.test(body) || QUOTA.test(body) || LONG_AGO.test(body) || SOMEONE_ELSE.test(body) || SHOWN_BY_SYSTEM.test(body)) return { keyword: false, parsed: { ok: false, reason: 'not_outreach' } };
  // 孙志愿今天宣传了80人: who and when, not where.
  const before = PLACE_BEFORE.exec(body);
  const place = PLACE.exec(body) ?? VISITED.exec(body) ?? (before && !NOT_A_PLACE.test(before[1]!) ? before : null) ?? PLACE_ALONE.exec(body);
  if (!place && !ABOUT_OUTREACH.test(body)) return { keyword: false, parsed: { ok: false, reason: 'not_outreach' } };
  // The place first; what stood around it on lines of its own, so it is never part of the place.
  const text = place ? `宣传 ${place[1]}\n${body.slice(0, place.index)}\n${body.slice(place.index + place[0].length)}` : `宣传 ${body.replace(TIME_FIRST, '').replace(/^的/u, '')}`;
  const parsed = parseOutreach(text);
  if (!parsed.ok) return { keyword: false, parsed: { ok: false, reason: 'not_outreach' } };
  // 孙志愿今天宣传了80人 厉害: without a place phrase, what stands first must be a place, not a deed.
  // 昨天我们三个人一上午讲了一百多人 嗓子都哑了: a deed and a time, no place at all.
  if (!place && (/宣传了|志愿$|网格$/u.test(parsed.log.place) || /^(?:我们|咱们)?(?:一上午|一下午|一晚上|一整天)/u.test(parsed.log.place))) return { keyword: false, parsed: { ok: false, reason: 'not_outreach' } };
  // 积玉桥社区活动中心今天下午上反诈课: the time said after the place is not part of it.
  const timeAfter = /(?<=\p{Script=Han}{2})(?:今天|今日|昨天|上午|下午|晚上|早上|中午)+(?:上|在|开|搞|做)?$/u;
  if (!place) parsed.log.place = parsed.log.place.replace(timeAfter, '');
  // 银行门口一个阿姨说她儿子…: one person met is a story told, not a log of people reached.
  if (parsed.log.people < 2) return { keyword: false, parsed: { ok: false, reason: 'not_outreach' } };
  everyoneInstalled(parsed, body);
  // 备注：传单 帮 — what is left of a sentence once its figures are read is words that went with
  // them, not a remark worth keeping.
  if (parsed.log.note !== null) {
    // 来的阿公阿婆有 (38个): the verb that led to a head count goes with it.
    const kept = parsed.log.note.split(/\s+/u).map((w) => w.replace(/(?:的有|有|来了|一共|共)$/u, '')).filter((w) => [...w].length > 1 && !SENTENCE_LEFTOVERS.has(w));
    parsed.log.note = kept.length ? kept.join(' ') : null;
  }
  // 今天 集市 上 传单 发 了 500，人 大概 250: a figure left in the place or the remark was not read; asked first.
  const BARE = /(?<![A-Za-z\d])\d{2,}(?![\d.号户栋幢楼名位组个张份点期单元人处场次家层室院线口条本只间岁年月日时分A-Za-z])/u;
  if (BARE.test(parsed.log.place) || BARE.test(parsed.log.note ?? '')) return { keyword: false, parsed, guessed: true };
  return { keyword: false, parsed };
}
