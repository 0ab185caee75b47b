/**
 * Server-side pictures: an ECharts option rendered to SVG (`renderer: 'svg', ssr: true`, no DOM)
 * and turned into PNG by resvg with a CJK font found on the machine (`.ci/run` installs
 * fonts-wqy-microhei). Without a CJK font the picture still renders, Chinese shows as boxes, and
 * the log says which package to install. ECharts is loaded on the first picture only: a service
 * that never sends one never pays for it.
 */
import { existsSync } from 'node:fs';
import type { Picture } from '../domain/pictures.js';
import { handoverOption, rankingOption, type SizedOption } from './options.js';

/** CJK fonts looked for, best first, with the family name inside the file. */
export const CJK_FONTS: readonly { file: string; family: string }[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', family: 'Droid Sans Fallback' },
  { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
];

/** The first CJK font present, or null. */
export function findCjkFont(candidates: readonly { file: string; family: string }[] = CJK_FONTS): { file: string; family: string } | null {
  return candidates.find((f) => existsSync(f.file)) ?? null;
}

export interface Rendered {
  png: Buffer;
  width: number;
  height: number;
}

export interface RenderOptions {
  /** The font to use; `findCjkFont()` when absent, null for none (system fonts). */
  font?: { file: string; family: string } | null;
}

type ECharts = typeof import('echarts');
let echartsModule: Promise<ECharts> | null = null;
const loadEcharts = () => (echartsModule ??= import('echarts'));

/** An ECharts option as an SVG document of `width`×`height` (no animation, white background). */
export async function svgOf(option: Record<string, unknown>, width: number, height: number, fontFamily = 'sans-serif'): Promise<string> {
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** An SVG document as PNG bytes, on libuv's thread pool (the event loop keeps serving). */
export async function pngOf(svg: string, font: { file: string; family: string } | null): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    background: '#ffffff',
    font: font
      ? { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true },
  });
  return image.asPng();
}

/** A sized option (see options.ts) as PNG. */
export async function renderOption(o: SizedOption, options: RenderOptions = {}): Promise<Rendered> {
  const font = options.font === undefined ? findCjkFont() : options.font;
  const svg = await svgOf(o.option, o.width, o.height, font?.family ?? 'sans-serif');
  return { png: await pngOf(svg, font), width: o.width, height: o.height };
}

/**
 * A report picture as PNG.
 * @example const { png } = await renderPicture(handoverPicture(summary, '幸福里社区', tz))
 */
export function renderPicture(p: Picture, options: RenderOptions = {}): Promise<Rendered> {
  return renderOption(p.kind === 'handover' ? handoverOption(p) : rankingOption(p), options);
}

/** What the gateway is given: a picture as a PNG file to send, or null when it cannot be rendered. */
export type PictureRenderer = (p: Picture) => Promise<{ png: Buffer; name: string } | null>;

/**
 * The gateway's renderer: never throws (a picture that fails is logged and left out; the text
 * it belongs to was sent already), and says once when no CJK font is installed.
 */
export function createPictureRenderer(log: { warn(obj: object, msg: string): void }): PictureRenderer {
  const font = findCjkFont();
  let toldNoFont = false;
  return async (p) => {
    if (!font && !toldNoFont) {
      toldNoFont = true;
      log.warn({ looked: CJK_FONTS.map((f) => f.file) }, 'no CJK font found: Chinese in report pictures shows as boxes (apt-get install fonts-wqy-microhei)');
    }
    try {
      const { png } = await renderPicture(p, { font });
      return { png, name: `${p.name}.png` };
    } catch (err) {
      log.warn({ kind: p.kind, err: (err as Error).message }, 'report picture not rendered; the text was sent without it');
      return null;
    }
  };
}
