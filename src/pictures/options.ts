/**
 * ECharts options of the report pictures, each with the size it is drawn at. Tables are drawn
 * with ECharts' `graphic` component (rectangles and text), charts with ordinary series, so one
 * renderer (SVG → PNG) serves every picture. Plain data in, plain objects out.
 */
import type { HandoverPicture, RankingPicture } from '../domain/pictures.js';
import { LEVEL_ZH, LEVELS, type Level } from '../domain/types.js';

export interface SizedOption {
  option: Record<string, unknown>;
  width: number;
  height: number;
}

/** Level colours shared by the board page and the pictures (red is reserved for urgent and overdue). */
export const LEVEL_COLOR: Record<Level, string> = { urgent: '#d93025', high: '#f29900', medium: '#e3b600', low: '#1a73e8' };

const INK = '#1f2937';
const MUTED = '#6b7280';
const BAND = '#0f3d6e';
const OVERDUE = '#d93025';

const text = (x: number, y: number, t: string, style: Record<string, unknown> = {}) => ({
  type: 'text',
  x,
  y,
  style: { text: t, fontSize: 18, fill: INK, textVerticalAlign: 'middle', ...style },
});
const rect = (x: number, y: number, width: number, height: number, fill: string) => ({ type: 'rect', shape: { x, y, width, height }, style: { fill } });

/** Title band shared by the pictures: the title left, the subtitle right. */
function band(width: number, title: string, subtitle: string): unknown[] {
  return [rect(0, 0, width, 84, BAND), text(32, 42, title, { fontSize: 30, fontWeight: 'bold', fill: '#ffffff' }), text(width - 32, 42, subtitle, { fontSize: 22, fill: '#dbe7f5', textAlign: 'right' })];
}

/**
 * The 交接班 picture: headline figures, leads by level as bars, the handover table (overdue
 * rows in red).
 */
export function handoverOption(p: HandoverPicture): SizedOption {
  const W = 960;
  const pad = 32;
  const elements: unknown[] = band(W, p.title, p.subtitle);
  let y = 108;
  // Figures: two columns of label and value.
  const colW = (W - 2 * pad) / 2;
  p.figures.forEach(([label, value], i) => {
    const x = pad + (i % 2) * colW;
    const rowY = y + Math.floor(i / 2) * 46;
    elements.push(text(x, rowY + 18, label, { fontSize: 18, fill: MUTED }), text(x + 130, rowY + 18, value, { fontSize: 21, fontWeight: 'bold', width: colW - 140, overflow: 'truncate' }));
  });
  y += Math.ceil(p.figures.length / 2) * 46 + 8;
  // The bar chart sits in an ECharts grid at this height.
  const chartTop = y;
  const chartH = 190;
  y += chartH + 16;
  // The handover table.
  const cols = [
    { title: '案件', x: pad + 12, w: 130 },
    { title: '等级', x: pad + 150, w: 100 },
    { title: '责任人', x: pad + 260, w: 190 },
    { title: '状态', x: pad + 460, w: 150 },
    { title: '已用时', x: pad + 620, w: 170 },
  ];
  elements.push(text(pad, y + 16, `移交下一班（${p.rows.length + p.more}件）`, { fontSize: 22, fontWeight: 'bold' }));
  y += 40;
  const rowH = 40;
  elements.push(rect(pad, y, W - 2 * pad, rowH, '#e8eef6'));
  for (const c of cols) elements.push(text(c.x, y + rowH / 2, c.title, { fontSize: 18, fill: MUTED, fontWeight: 'bold' }));
  y += rowH;
  if (p.rows.length === 0) {
    elements.push(text(pad + 12, y + rowH / 2, '无移交案件', { fontSize: 19, fill: MUTED }));
    y += rowH;
  }
  p.rows.forEach((r, i) => {
    if (i % 2 === 1) elements.push(rect(pad, y, W - 2 * pad, rowH, '#f6f8fb'));
    if (r.overdue) elements.push(rect(pad, y, 6, rowH, OVERDUE));
    r.cells.forEach((cell, j) => {
      const c = cols[j]!;
      const color = j === 1 ? LEVEL_COLOR[r.level] : r.overdue ? OVERDUE : INK;
      elements.push(text(c.x, y + rowH / 2, cell, { fontSize: 19, fill: color, fontWeight: j === 0 || j === 1 ? 'bold' : 'normal', width: c.w, overflow: 'truncate' }));
    });
    if (r.overdue) elements.push(text(W - pad - 12, y + rowH / 2, '超时', { fontSize: 17, fill: '#ffffff', textAlign: 'right', backgroundColor: OVERDUE, padding: [3, 8], borderRadius: 4 }));
    y += rowH;
  });
  if (p.more > 0) {
    elements.push(text(pad + 12, y + rowH / 2, `……另有${p.more}件`, { fontSize: 18, fill: MUTED }));
    y += rowH;
  }
  y += 12;
  elements.push(text(W - pad, y + 12, '网格哨兵 自动生成', { fontSize: 15, fill: '#9ca3af', textAlign: 'right' }));
  const height = y + 36;
  return {
    width: W,
    height,
    option: {
      graphic: { elements },
      title: { text: '各等级收到预警', left: pad, top: chartTop, textStyle: { fontSize: 18, color: MUTED, fontWeight: 'normal' } },
      grid: { left: pad + 40, right: pad, top: chartTop + 36, height: chartH - 66 },
      xAxis: { type: 'category', data: LEVELS.map((l) => LEVEL_ZH[l]), axisLabel: { fontSize: 17, color: INK }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14, color: MUTED }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [
        {
          type: 'bar',
          barWidth: '45%',
          data: LEVELS.map((l) => ({ value: p.byLevel[l], itemStyle: { color: LEVEL_COLOR[l] } })),
          label: { show: true, position: 'top', fontSize: 17, color: INK },
        },
      ],
    },
  };
}

/** The weekly ranking: people reached per community as horizontal bars, events and installs in the label. */
export function rankingOption(p: RankingPicture): SizedOption {
  const W = 960;
  const rowH = 46;
  const rows = [...p.rows].reverse();
  const height = 84 + 40 + Math.max(1, rows.length) * rowH + 70;
  const medal = (i: number) => ['#d4a017', '#9ca3af', '#b87333'][i] ?? '#5b8def';
  const n = p.rows.length;
  return {
    width: W,
    height,
    option: {
      graphic: { elements: [...band(W, p.title, '覆盖人数 · 场次 · 装APP'), text(W - 32, height - 24, '网格哨兵 自动生成', { fontSize: 15, fill: '#9ca3af', textAlign: 'right' })] },
      grid: { left: 190, right: 250, top: 84 + 30, bottom: 50 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 14, color: MUTED }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: 19, color: INK, width: 160, overflow: 'truncate' }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barWidth: 26,
          data: rows.map((r, i) => ({ value: r.people, itemStyle: { color: medal(n - 1 - i), borderRadius: [0, 4, 4, 0] } })),
          label: {
            show: true,
            position: 'right',
            fontSize: 17,
            color: INK,
            formatter: (x: { dataIndex: number }) => {
              const r = rows[x.dataIndex]!;
              return `${r.people}人 · ${r.events}场 · 装APP ${r.installs}`;
            },
          },
        },
      ],
    },
  };
}
