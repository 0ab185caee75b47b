/**
 * The words of a case, declared once: statuses, methods, results and their Chinese. Every
 * layer (and every SQL statement, through `OPEN_STATUSES_SQL`) uses these, so that "open"
 * means the same thing everywhere (DESIGN.md "The case").
 */

export const STATUSES = ['new', 'dispatched', 'acknowledged', 'resolved', 'cancelled'] as const;
/** Where a case is: `reopened` is not a state of its own, a reopened case is dispatched again. */
export type Status = (typeof STATUSES)[number];

/** Statuses of a case that still needs someone. */
export const OPEN_STATUSES = ['new', 'dispatched', 'acknowledged'] as const satisfies readonly Status[];
/** The open statuses as an SQL list literal, for raw statements: `('new', 'dispatched', 'acknowledged')`. */
export const OPEN_STATUSES_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** True when the case still needs someone. */
export const isOpen = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);

export const METHODS = ['visit', 'phone', 'sms', 'video'] as const;
/** How a worker reached the person at risk. */
export type Method = (typeof METHODS)[number];

export const RESULTS = ['dissuaded', 'defrauded', 'unreachable', 'refused', 'false_positive', 'reported'] as const;
/** What came of it. `unreachable` and `refused` on urgent/high cases are attempts, not closure. */
export type Result = (typeof RESULTS)[number];

export const METHOD_ZH: Record<Method, string> = { visit: '上门见面', phone: '电话', sms: '短信', video: '视频' };
export const RESULT_ZH: Record<Result, string> = {
  dissuaded: '劝阻成功',
  defrauded: '已被骗',
  unreachable: '无法联系',
  refused: '拒绝配合',
  false_positive: '误报',
  reported: '已报警',
};
export const STATUS_ZH: Record<Status, string> = { new: '待派发', dispatched: '待接单', acknowledged: '处置中', resolved: '已办结', cancelled: '已撤销' };

export { LEVELS, LEVEL_ZH, type Level } from './types.js';
