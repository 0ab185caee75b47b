/**
 * Reports as pictures (issue 19): the 交接班 of a fixture shift and the weekly ranking render to
 * PNGs that decode, at the size the layout asks for, with the overdue rows in red; a picture
 * that cannot be rendered gives null to the gateway, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { handoverPicture, PICTURE_ROWS, rankingPicture, type Picture } from '../../src/domain/pictures.js';
import type { ShiftSummary } from '../../src/domain/summary.js';
import { handoverOption } from '../../src/pictures/options.js';
import { createPictureRenderer, findCjkFont, renderPicture } from '../../src/pictures/render.js';
import { countColour, decodePng } from '../support/png.js';

const TZ = 'Asia/Shanghai';
const LEVELS = ['urgent', 'high', 'medium', 'low'] as const;

/** The day shift of 23 November 2026 (08:00–20:00 Beijing time) of 幸福里社区: 14 cases handed over, 2 overdue. */
const shift: ShiftSummary = {
  unit: 'C1',
  from: '2026-11-23T00:00:00.000Z',
  to: '2026-11-23T12:00:00.000Z',
  received: { urgent: 3, high: 5, medium: 2, low: 1, total: 11 },
  acknowledged: 9,
  resolved: 6,
  escalations: 2,
  outreach: { events: 2, people: 120, installs: 30 },
  acknowledgedWithinSla: 8,
  acknowledgedLate: 1,
  resolvedByResult: { dissuaded: 4, defrauded: 1, unreachable: 0, refused: 0, false_positive: 1, reported: 0 },
  lossAverted: 120_000,
  lossTotal: 5000,
  escalationsByStep: { '1': 2 },
  timeToAck: { p50: 180_000, p90: 600_000 },
  timeToResolve: { p50: 1_800_000, p90: 3_600_000 },
  carriedOver: {
    count: 14,
    overdue: 2,
    cases: Array.from({ length: 14 }, (_, i) => ({ caseId: `K${i}Q2`, level: LEVELS[i % 4]!, assignee: i % 3 ? '李网格' : null, status: i % 2 ? 'acknowledged' : 'dispatched', ageMs: 3_600_000 * (i + 1), overdue: i < 2 })),
  },
};

describe('the 交接班 picture', () => {
  const picture = handoverPicture(shift, '幸福里社区', TZ);

  it('carries the figures of the text report and lists the handover, overdue first as the summary orders it', () => {
    expect(picture.title).toBe('【交接班】幸福里社区');
    expect(picture.subtitle).toBe('11月23日 08:00–20:00');
    expect(picture.figures).toContainEqual(['收到预警', '11件']);
    expect(picture.figures).toContainEqual(['接单', '9件（超时1）']);
    expect(picture.figures).toContainEqual(['移交下一班', '14件（超时2）']);
    expect(picture.rows).toHaveLength(PICTURE_ROWS);
    expect(picture.more).toBe(14 - PICTURE_ROWS);
    expect(picture.rows[0]).toEqual({ cells: ['K0Q2', '紧急', '未分派', '待接单', '1小时'], level: 'urgent', overdue: true });
    // Small enough to ride in the outbox row: no image bytes, no subject data.
    expect(JSON.stringify(picture).length).toBeLessThan(3000);
  });

  it('renders to a PNG that decodes, 960 px wide and as tall as its rows, with the overdue rows in red', async () => {
    const { png, width, height } = await renderPicture(picture);
    expect(width).toBe(960);
    expect(height).toBe(handoverOption(picture).height);
    expect(height).toBeGreaterThan(900);
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([width, height]);
    // The title band, and the red of the overdue marks and the urgent bar.
    expect(countColour(img, [0x0f, 0x3d, 0x6e])).toBeGreaterThan(width * 60);
    expect(countColour(img, [0xd9, 0x30, 0x25])).toBeGreaterThan(2000);
    expect(png.length).toBeLessThan(400_000);
  });

  it('renders a quiet shift: nothing handed over', async () => {
    const quiet = handoverPicture({ ...shift, received: { urgent: 0, high: 0, medium: 0, low: 0, total: 0 }, carriedOver: { count: 0, overdue: 0, cases: [] } }, '幸福里社区', TZ);
    expect(quiet.rows).toEqual([]);
    const img = decodePng((await renderPicture(quiet)).png);
    expect(img.height).toBeLessThan(800);
  });
});

describe('the weekly ranking picture', () => {
  it('renders a bar per community, best first', async () => {
    const rows = [
      { community: 'C1', name: '幸福里社区', events: 5, people: 380, installs: 90 },
      { community: 'C2', name: '团结湖社区', events: 3, people: 150, installs: 20 },
    ];
    const picture = rankingPicture(rows, '11月16日', '11月22日');
    expect(picture.title).toBe('【反诈宣传周榜】11月16日–11月22日');
    const img = decodePng((await renderPicture(picture)).png);
    expect(img.width).toBe(960);
    // The gold bar of the first.
    expect(countColour(img, [0xd4, 0xa0, 0x17])).toBeGreaterThan(1000);
  });
});

describe('the renderer the gateway uses', () => {
  it('finds a CJK font on this machine (.ci/run installs fonts-wqy-microhei)', () => {
    expect(findCjkFont()?.family).toBeTruthy();
  });

  it('gives null and a warning for a picture it cannot draw, never an exception', async () => {
    const warnings: string[] = [];
    const render = createPictureRenderer({ warn: (_o, msg) => warnings.push(msg) });
    const broken = { kind: 'handover', name: 'x', title: 't', subtitle: 's', figures: null, byLevel: {}, rows: [], more: 0 } as unknown as Picture;
    await expect(render(broken)).resolves.toBeNull();
    expect(warnings.some((w) => w.includes('not rendered'))).toBe(true);
    const good = await render(rankingPicture([], '11月16日', '11月22日'));
    expect(good?.name).toBe('宣传周榜-11月16日-11月22日.png');
  });
});
