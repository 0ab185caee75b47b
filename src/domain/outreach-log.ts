/** An outreach log (宣传台账) as the bot stores and repeats it: its fields, their Chinese, one line. */

/**
 * How the outreach was done.
 * @example const f: OutreachForm = 'stall' // 摆摊
 */
export type OutreachForm = 'campus' | 'community' | 'village' | 'household' | 'enterprise' | 'stall' | 'lecture' | 'training' | 'video' | 'other';

/**
 * Who it was aimed at.
 * @example const t: TargetGroup = 'elderly' // 老年人
 */
export type TargetGroup = 'elderly' | 'students' | 'finance_staff' | 'migrants' | 'hearing_impaired' | 'employees' | 'women' | 'other';

/**
 * Display names of the forms, for confirmations and reports.
 * @example FORM_ZH.stall // '摆摊'
 */
export const FORM_ZH: Record<OutreachForm, string> = {
  campus: '进校园', community: '进社区', village: '进农村', household: '进家庭', enterprise: '进企业',
  stall: '摆摊', lecture: '讲座', training: '培训', video: '短视频/直播', other: '其他形式',
};

/**
 * Display names of the target groups.
 * @example TARGET_ZH.elderly // '老年人'
 */
export const TARGET_ZH: Record<TargetGroup, string> = {
  elderly: '老年人', students: '学生', finance_staff: '财会人员', migrants: '新市民', hearing_impaired: '听障人士',
  employees: '企业员工', women: '妇女', other: '其他群体',
};

/**
 * One outreach event as understood. Counts not mentioned are 0; `form` null when not said.
 * @example const log: OutreachLog = { place: '幸福里社区', form: 'stall', people: 80, installs: 25, leaflets: 0, targets: ['elderly'], note: null }
 */
export interface OutreachLog {
  place: string;
  form: OutreachForm | null;
  people: number;
  installs: number;
  leaflets: number;
  targets: TargetGroup[];
  note: string | null;
}

/**
 * The outcome of parsing. `not_outreach`: not a log, the bot stays silent. Other refusals
 * carry a short Chinese hint (no final full stop) and the example the bot shows.
 * @example const p: OutreachParsed = { ok: false, reason: 'missing_people', hint: '缺少覆盖人数', example: OUTREACH_EXAMPLE }
 */
export type OutreachParsed =
  | { ok: true; log: OutreachLog }
  | { ok: false; reason: 'not_outreach' }
  | { ok: false; reason: 'missing_people' | 'missing_place' | 'implausible'; hint: string; example: string; /** The one number said without a unit (宣传 东关大集 150), when the head count is missing. */ bare?: string };

/**
 * The example every refusal and the daily reminder show.
 * @example parseOutreach(OUTREACH_EXAMPLE).ok // true
 */
export const OUTREACH_EXAMPLE = '宣传 幸福里社区 摆摊 80人 装APP 25 对象 老年人';

const clip = (s: string, max: number) => {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
};

/**
 * The figures of a log that were said loosely (上百人, 十几个APP) and stored as a guess: shown
 * with 约 when the log is repeated back to be confirmed.
 * @example const r: RoughFigures = { people: true }
 */
export interface RoughFigures {
  people?: boolean;
  installs?: boolean;
  leaflets?: boolean;
}

/**
 * One short line repeating what was understood, for the confirmation and the withdrawal.
 * Long places and notes are clipped.
 * @example describeOutreach({ place: '幸福里社区', form: 'stall', people: 80, installs: 25, leaflets: 0, targets: ['elderly'], note: null })
 *   // '幸福里社区 · 摆摊 · 80人 · 装APP 25 · 老年人'
 * @example describeOutreach({ ...log, people: 100 }, { people: true }) // '… · 约100人 · …'
 */
export function describeOutreach(log: OutreachLog, rough: RoughFigures = {}): string {
  const about = (k: keyof RoughFigures) => (rough[k] ? '约' : '');
  const parts = [clip(log.place, 20)];
  if (log.form) parts.push(FORM_ZH[log.form]);
  parts.push(`${about('people')}${log.people}人`);
  if (log.installs > 0) parts.push(`装APP ${about('installs')}${log.installs}`);
  if (log.leaflets > 0) parts.push(`传单${about('leaflets')}${log.leaflets}份`);
  if (log.targets.length > 0) parts.push(log.targets.map((t) => TARGET_ZH[t]).join('、'));
  if (log.note) parts.push(`备注：${clip(log.note, 16)}`);
  return parts.filter((p) => p !== '').join(' · ');
}
