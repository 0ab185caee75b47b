/**
 * ECharts options of the report's charts (`gridguard report --charts`): leads per day by level,
 * time to acknowledge and resolve by community against the policy, the share in time, and the
 * outreach ranking. The same figures as the live board, for a chosen period.
 */
import type { CommunityTiming } from '../domain/board.js';
import { LEVEL_ZH, LEVELS, type Level } from '../domain/types.js';
import { LEVEL_COLOR, type SizedOption } from './options.js';

const W = 1200;
const H = 640;
const INK = '#1f2937';
const MUTED = '#6b7280';

const frame = (title: string, subtitle: string) => ({
  title: { text: title, subtext: subtitle, left: 32, top: 20, textStyle: { fontSize: 26, color: INK }, subtextStyle: { fontSize: 16, color: MUTED } },
  legend: { top: 28, right: 32, textStyle: { fontSize: 16, color: INK } },
  grid: { left: 80, right: 48, top: 120, bottom: 70 },
  graphic: { elements: [{ type: 'text', right: 32, bottom: 16, style: { text: '网格哨兵 自动生成', fontSize: 14, fill: '#9ca3af' } }] },
});

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const axisLabel = { fontSize: 15, color: INK, interval: 0 };

/** Leads per day by level, stacked. `days` are labels (11月23日), `counts[level][i]` the leads of day i. */
export function leadsPerDayOption(period: string, days: string[], counts: Record<Level, number[]>): SizedOption {
  return {
    width: W,
    height: H,
    option: {
      ...frame('预警趋势（按日、按等级）', period),
      xAxis: { type: 'category', data: days, axisLabel: { ...axisLabel, interval: 'auto' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14, color: MUTED } },
      series: LEVELS.map((l) => ({ name: LEVEL_ZH[l], type: 'bar', stack: 'all', itemStyle: { color: LEVEL_COLOR[l] }, data: counts[l] })),
    },
  };
}

/** Mean time to acknowledge and to resolve per community as a share of the policy's time (100% = the whole time allowed). */
export function timingOption(period: string, rows: CommunityTiming[]): SizedOption {
  return {
    width: W,
    height: H,
    option: {
      ...frame('处置用时占时限（按社区）', `${period} · 100% = 策略规定的时限`),
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel },
      yAxis: { type: 'value', axisLabel: { fontSize: 14, color: MUTED, formatter: '{value}%' } },
      series: [
        {
          name: '接单用时',
          type: 'bar',
          itemStyle: { color: '#5b8def' },
          label: { show: true, position: 'top', fontSize: 14, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value}%`) },
          data: rows.map((r) => pct(r.ackOfTarget)),
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#d93025', type: 'dashed', width: 2 }, label: { formatter: '时限', fontSize: 15, color: '#d93025' }, data: [{ yAxis: 100 }] },
        },
        { name: '办结用时', type: 'bar', itemStyle: { color: '#34a853' }, label: { show: true, position: 'top', fontSize: 14, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value}%`) }, data: rows.map((r) => pct(r.resolveOfTarget)) },
      ],
    },
  };
}

/** Share acknowledged and resolved within the policy's time per community, with the whole unit's in the subtitle. */
export function slaOption(period: string, rows: CommunityTiming[], overall: { ack: number | null; resolve: number | null }): SizedOption {
  const fmt = (x: number | null) => (x === null ? '—' : `${pct(x)}%`);
  return {
    width: W,
    height: H,
    option: {
      ...frame('按时率（按社区）', `${period} · 整体：接单 ${fmt(overall.ack)}，办结 ${fmt(overall.resolve)}`),
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel },
      yAxis: { type: 'value', max: 100, axisLabel: { fontSize: 14, color: MUTED, formatter: '{value}%' } },
      series: [
        { name: '按时接单', type: 'bar', itemStyle: { color: '#5b8def' }, label: { show: true, position: 'top', fontSize: 14, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value}%`) }, data: rows.map((r) => pct(r.ackMet)) },
        { name: '按时办结', type: 'bar', itemStyle: { color: '#34a853' }, label: { show: true, position: 'top', fontSize: 14, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${p.value}%`) }, data: rows.map((r) => pct(r.resolveMet)) },
      ],
    },
  };
}
