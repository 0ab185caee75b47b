/**
 * The outreach grammar's vocabulary: forms, target groups, fillers, and the number phrases
 * (people, installs, leaflets) as regular expressions. Pure data for outreach.ts.
 */
import type { OutreachForm, TargetGroup } from './outreach.js';

// ---- vocabulary ----

const FORM_WORDS: Record<OutreachForm, readonly string[]> = {
  campus: ['进校园', '进学校', '进课堂', '进高校', '进幼儿园', '校园宣传'],
  community: ['进社区', '进小区', '进楼栋'],
  village: ['进农村', '进乡村', '进村入户', '进村', '下乡'],
  household: ['进家庭', '入户走访', '上门走访', '入户', '上门', '走访', '进家门', '敲门'],
  enterprise: ['进企业', '进公司', '进工厂', '进厂', '进园区', '进单位', '进工地', '进机关'],
  stall: ['摆摊', '摆台', '设摊', '摆点', '设点', '宣传摊位', '摊位', '咨询台'],
  lecture: ['讲座', '宣讲会', '宣讲', '讲课', '讲堂', '专题课', '反诈课'],
  training: ['培训会', '培训'],
  video: ['短视频', '网络直播', '直播', '视频号', '抖音', '快手'],
  other: ['文艺汇演', '汇演', '文艺演出', '演出', '快闪', '知识竞赛', '有奖问答', '情景剧', '小品', '游园', '进商户', '进商场', '进市场', '进银行', '进医院', '进网点', '进楼宇'],
};
const TARGET_WORDS: Record<TargetGroup, readonly string[]> = {
  elderly: ['老年人', '中老年人', '老年群体', '老年朋友', '老人', '空巢老人', '独居老人', '退休人员', '退休老人', '老同志', '长者', '银发族'],
  students: ['学生', '大学生', '中学生', '小学生', '中小学生', '在校学生', '高校学生', '师生'],
  finance_staff: ['财会人员', '财务人员', '会计', '出纳', '财务'],
  migrants: ['新市民', '务工人员', '外来务工人员', '进城务工人员', '农民工', '流动人口', '外来人口'],
  hearing_impaired: ['听障人士', '听障人员', '听障', '聋哑人', '聋哑人士', '聋人'],
  employees: ['企业员工', '企业职工', '员工', '职工', '上班族', '白领'],
  women: ['宝妈', '妇女', '女性', '全职妈妈', '家庭主妇'],
  other: ['青少年', '未成年人', '儿童', '残疾人', '退役军人', '商户', '个体户', '个体工商户', '外卖骑手', '快递员', '骑手', '网约车司机', '司机', '家长', '患者', '游客'],
};
/** Words that carry nothing: never a place. */
export const FILLER = new Set([
  '宣传', '反诈', '反诈宣传', '宣传活动', '反诈宣传活动', '活动', '开展', '举办', '举行', '进行', '组织', '今天', '今日', '本周',
  '共', '共计', '合计', '累计', '总计', '一共', '本次', '此次', '一场', '在', '于', '到', '的', '了', '和', '及', '与', '等', '为主',
  '主要', '其中', '现场', '顺利', '圆满', '完成', '结束', '群众', '居民', '村民', '市民', '人员', '人数', '覆盖', '参与', '参加',
  '来了', '大概', '上午', '下午', '晚上', '今天上午', '今天下午', '今天晚上', '今天的', '今日的', '报一下', '我报一下',
  '约', '大约', '左右', '以上', '人', '名', '发放', '装', '安装', '下载', '哈', '啦', '哦', '呀', '吧', '嗯',
]);
/** Said before the place: 在, 前往, and a lead-in (报一下今天的：团结湖公园). */
export const LEADING_FILLER = /^(?:(?:我|俺)?(?:汇报一下|报一下|报下|报一哈|登记一下|登记下|记一下)(?:今天|今日|今晚|上午|下午|晚上)?的?|(?:今天|今日|今晚)的|其中|前往|在|于|赴|到)(?=..)/;
export const TRAILING_FILLER = /(?<=..)(?:开展|举办|举行|进行|组织|宣传|活动|反诈|现场)$/;
/** A keyword at the start, unless the next word makes 宣传 a noun (宣传册, 宣传月, 宣传效果, 宣传 的横幅). */
export const KEYWORD = /^[[【(「『<《#\s]*(反诈宣传登记|反诈宣传台账|宣传登记|宣传台账|反诈宣传|宣传)(?!单|册|品|栏|部|片|页|画|资料|材料|海报|标语|横幅|员|委|队|科|车|牌|周|月|日|效果|工作|力度|视频)(?!\s*的)/;

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
export const FORM_OF = new Map<string, OutreachForm>();
for (const [form, words] of Object.entries(FORM_WORDS)) for (const w of words) FORM_OF.set(w, form as OutreachForm);
export const TARGET_OF = new Map<string, TargetGroup>();
for (const [group, words] of Object.entries(TARGET_WORDS)) for (const w of words) TARGET_OF.set(w, group as TargetGroup);
export const TARGET_SYNONYMS = [...TARGET_OF.keys()].sort((a, b) => b.length - a.length);

// ---- number phrases ----

/**
 * A count in digits (80, 1.2万, -5) or Chinese numerals (八十, 两百), read from its first
 * character only (which keeps long runs linear), never the tail of 几十/上百/数百.
 */
// 数十人 is several tens; 人数六十八 is the label, then the figure.
const NUM = String.raw`((?<![\d.])-?\d+(?:\.\d+)?[十百千万]?|(?<![几上零〇一二两三四五六七八九十百千万])(?<!(?<!人)数)[零〇一二两三四五六七八九十百千万]+)`;
const ABOUT = String.raw`\s?(?:余|多|来)?\s?`;
const APP = String.raw`(?:国家反诈中心|国家反诈|反诈中心|反诈)?\s?app`;
const INSTALL_UNIT = String.raw`(?:个|人|部|台|户|名|次|位)?`;
const LEAFLET = '宣传单页|宣传折页|宣传资料|宣传材料|宣传单|宣传页|宣传册|宣传品|小册子|明白纸|告知书|倡议书|传单|单页|折页|手册|资料|材料|海报|单子';
const PAPER_UNIT = '(?:份|张|本|册|件|套)';
const STAFF = '志愿者|民警|辅警|网格员|工作人员|社工|社区干部|干部|党员|警力';
const GROUP_PREFIX = '覆盖|受众|受益|惠及|参与|参加|听众|观众|群众|居民|村民|市民|共计|一共|共|合计|累计|总计|大约|约|近|超过|超|达|逾';
const TARGETS = TARGET_SYNONYMS.join('|');
export const CN_DIGITS = '零〇一二两三四五六七八九十百千万';

const re = (source: string) => new RegExp(source, 'gi');
export const FORMS = re(alternation([...FORM_OF.keys()]));
export const INSTALLS = re(
  [
    // 30人装了APP: the people who installed it, not the audience.
    String.raw`${NUM}${ABOUT}(?:人|个|户|名|位)(?:都|已|已经|当场|现场|也|全部|全都)?(?:安装|装|下载|注册)了?\s?${APP}(?!\s?(?:共计|共|合计|约)?\s?[\d${CN_DIGITS}])`,
    String.raw`(?:安装|装|下载|注册)\s?了?\s?${NUM}${ABOUT}${INSTALL_UNIT}\s?${APP}`,
    String.raw`(?:安装|装|下载|注册|推广)\s?了?\s?${APP}\s?(?:共计|共|合计|约)?\s?${NUM}${ABOUT}${INSTALL_UNIT}`,
    String.raw`${APP}\s?(?:安装量|下载量|注册量|安装数|安装|下载|注册|装)?\s?了?\s?(?:共计|共|合计|约)?\s?${NUM}${ABOUT}${INSTALL_UNIT}`,
    String.raw`(?:安装|下载|注册|装机)\s?了?\s?${NUM}${ABOUT}(?:个|部|台)`,
    // A label makes the unit optional, as for people: 人数100 安装30 传单150.
    String.raw`(?:安装量|安装数|装机量|装机数|下载量|注册量|安装|装机|下载|注册)\s?了?\s?(?:国家反诈中心|国家反诈|反诈中心)?\s?(?:约|共计|共|合计|达)?\s?${NUM}(?![\d.${CN_DIGITS}份张本册人名位户次场])`,
  ].join('|'),
);
export const LEAFLETS = re(
  [
    // 传单 80人 is 80 people after the word 传单, not 80 leaflets.
    String.raw`(?:发放|派发|分发|发出|散发|赠送|送出|张贴|发)?\s?了?\s?(?:${LEAFLET})\s?(?:一共|总共|共计|共|合计|约)?\s?${NUM}${ABOUT}(?:${PAPER_UNIT}|(?![\d.${CN_DIGITS}共起]|\s?(?:人|名|位|户)))`,
    String.raw`(?:发放|派发|分发|发出|散发|赠送|送出|张贴|发)\s?了?\s?${NUM}${ABOUT}${PAPER_UNIT}\s?(?:${LEAFLET})?`,
    String.raw`${NUM}${ABOUT}份`,
    String.raw`${NUM}${ABOUT}${PAPER_UNIT}\s?(?:${LEAFLET})`,
  ].join('|'),
);
export const ASIDES = re(
  [
    String.raw`(?:出动|组织|安排|参与)?(?:${STAFF})\s?(?:共)?-?(?:\d+|[${CN_DIGITS}]+)(?:余|多)?(?:人|名|位)`,
    String.raw`-?(?:\d+|[${CN_DIGITS}]+)(?:余|多)?(?:名|位|人)(?:${STAFF})`,
    String.raw`(?:\d+|[${CN_DIGITS}]+)(?:余|多)?(?:户|家|场|次)`,
  ].join('|'),
);
export const PEOPLE = re(
  [
    // A label makes the unit optional: 人数：80, 人次110, 覆盖 80, 人大概200.
    String.raw`(?:覆盖人数|受众人数|参与人数|参加人数|受益人数|人数|人次|覆盖|受众|(?<![\p{Script=Han}])人(?=\s?(?:估计|大概|大约|差不多|约)?\s?\d))\s?(?:是|为|有)?\s?(?:估计|大概|大约|差不多)?\s?(?:约|共计|共|合计|达|近|超过|超)?\s?${NUM}(?:\s?(?:余|多))?(?:\s?(?:人次|人|名|位)|(?![\d.${CN_DIGITS}号栋楼层户家份张本册个场次年月日点时:]))`,
    // 传单发了500，人大概250: a figure then 人 and a hedged figure is the leaflets', then the head count.
    String.raw`(?:其中|包括|含)?\s?(?:${TARGETS})?\s?(?:(?:${GROUP_PREFIX})\s?){0,3}${NUM}${ABOUT}(?:人次|人|名|位)(?!\s?(?:估计|大概|大约|差不多)\s?\d)(?:群众|居民|村民|市民|观众|听众)?(?:左右|以上)?`,
  ].join('|'),
);
/** 几十人, 上百人, 数百名: a count, but not one that can be stored. */
export const VAGUE_PEOPLE = /(?:几|数|上)[十百千]\s?(?:余|多)?\s?(?:人|名|位)/;
