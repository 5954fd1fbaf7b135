/**
 * The image card: a card's blocks drawn as SVG by satori, and as PNG by resvg, with no browser.
 * For where neither a script nor an iframe goes: a social post (1200×630, the size the networks
 * crop link previews to), or a newsletter that would rather show a picture (`width` 600). Its
 * words are the blocks the element rendered; its colours the theme's; its fonts the Noto Sans
 * files the build copies beside this module (dist/fonts/), because a partner's machine may have
 * none. Text is drawn as paths, so the image needs no font wherever it goes.
 */
import { readFileSync } from 'node:fs';
import { words, type Block, type Palette } from './card.js';

/** A social post's preview: 1200×630, which Facebook, LinkedIn and X show uncropped. */
export const IMAGE_WIDTH = 1200;
const IMAGE_RATIO = 630 / 1200;
/** The card's padding at 1200 px wide: above and below, and at the sides. */
const PADDING = [56, 72] as const;

/**
 * What satori draws: a tag, its style (satori's subset of CSS) and its children. Shaped as a
 * React element, which is what satori's types ask for.
 */
interface Node {
  type: string;
  key: string | null;
  props: { style: Record<string, string | number>; children?: (Node | string)[] | string };
}

/** One font file of dist/fonts/fonts.json, as the build wrote it. */
interface FontFile {
  file: string;
  subset: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** The characters it covers, as CSS writes them: `U+0000-00FF,U+0131`. */
  unicodeRange: string;
}

/**
 * How a part reads, at 1200 px wide. Detail (a label, a citation) keeps its size, which stays
 * legible when a network shows the image at half size; the figure, a quote's words and a heading
 * `fit`: they shrink, down to `min`, until the card fits the image.
 */
interface Look {
  size: number;
  weight?: 400 | 700;
  colour: keyof Palette;
  line?: number;
  /** Space above it. */
  gap?: number;
  /** Smallest size when shrunk to fit; without it, the part keeps its size. */
  min?: number;
}

const DETAIL: Look = { size: 28, colour: 'muted', gap: 20 };
const CAPTION: Look = { size: 30, colour: 'muted', gap: 4 };

/** Each element's parts; a part not named here reads as body text. */
const LOOKS: Record<string, Record<string, Look>> = {
  'impact-stat': {
    value: { size: 190, weight: 700, colour: 'accent', line: 1, gap: 0, min: 96 },
    label: { size: 44, weight: 700, colour: 'text', line: 1.25, gap: 16 },
    baseline: { size: 34, colour: 'text', gap: 12 },
    bars: { size: 14, colour: 'accent', gap: 24 },
    context: DETAIL,
    source: DETAIL,
  },
  'study-quote': {
    text: { size: 46, colour: 'text', line: 1.4, gap: 0, min: 26 },
    author: { size: 32, weight: 700, colour: 'text', gap: 28 },
    role: CAPTION,
    date: CAPTION,
    source: CAPTION,
  },
  'fundraise-cta': {
    heading: { size: 76, weight: 700, colour: 'text', line: 1.15, gap: 0, min: 44 },
    body: { size: 36, colour: 'text', line: 1.4, gap: 24, min: 28 },
    raised: { size: 30, colour: 'muted', gap: 28 },
    progress: { size: 20, colour: 'accent', gap: 12 },
    button: { size: 34, weight: 700, colour: 'on-accent', gap: 36 },
  },
};
const BODY: Look = { size: 34, colour: 'text', gap: 16 };

const div = (style: Node['props']['style'], children?: Node['props']['children']): Node => ({
  type: 'div',
  key: null,
  props: { style, ...(children !== undefined && { children }) },
});

/** The parts drawn rather than written, and the call to action's button. */
const DRAWN: Record<string, (block: Block, palette: Palette, px: (n: number) => number) => Node> = {
  // A stat's figure and its baseline as two bars, the longer at full length; a figure of 0 is
  // a dot, as on the live card.
  bars: ({ figures }, palette, px) =>
    div(
      { display: 'flex', flexDirection: 'column', flexGrow: 1, gap: px(8) },
      figures.map((share, i) =>
        div({
          width: `${Math.min(Math.max(share, 0), 100)}%`,
          minWidth: px(14),
          height: px(14),
          borderRadius: px(7),
          backgroundColor: palette[i ? 'muted' : 'accent'],
        }),
      ),
    ),
  progress: ({ figures: [value = 0, max = 1] }, palette, px) =>
    div(
      {
        display: 'flex',
        flexGrow: 1,
        height: px(22),
        borderRadius: px(11),
        border: `${px(2)}px solid ${palette.border}`,
        backgroundColor: palette.surface,
        overflow: 'hidden',
      },
      [div({ width: `${Math.min(value / max, 1) * 100}%`, backgroundColor: palette.accent })],
    ),
  // The button the live card shows: the image links where its post or newsletter links it.
  button: (block, palette, px) =>
    div(
      {
        display: 'flex',
        alignSelf: 'flex-start',
        padding: `${px(18)}px ${px(40)}px`,
        borderRadius: px(12),
        backgroundColor: palette.accent,
      },
      words(block),
    ),
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The fonts, read once: every image of a run draws with the same ones. */
let fonts: (FontFile & { data: Buffer })[] | undefined;
function loadFonts() {
  const folder = new URL('./fonts/', import.meta.url);
  fonts ??= (JSON.parse(readFileSync(new URL('fonts.json', folder), 'utf8')) as FontFile[]).map(
    (font) => ({ ...font, data: readFileSync(new URL(font.file, folder)) }),
  );
  return fonts;
}

/** Whether a font's unicode-range (`U+0000-00FF,U+0131`) covers a code point. */
const covers = (range: string, point: number) =>
  range.split(',').some((span) => {
    const [from, to = from] = span.replace(/^U\+/i, '').split('-');
    return point >= parseInt(from!, 16) && point <= parseInt(to!, 16);
  });

export interface ImageOptions {
  tag: string;
  blocks: Block[];
  palette: Palette;
  /** Width in px; the height follows at 1200×630's ratio. */
  width: number;
  /** The card's words, for the SVG's `<title>`. */
  alt: string;
}

/**
 * The card as SVG: the figure, a quote's words or a heading as large as the image allows, down
 * to a legible size. Throws when the card's words hold a character the fonts cannot draw, or do
 * not fit the image at a legible size.
 */
export async function imageSvg({
  tag,
  blocks,
  palette,
  width,
  alt,
}: ImageOptions): Promise<string> {
  const files = loadFonts();
  const text = blocks.flatMap((block) => block.runs.map((run) => run.text)).join('');
  for (const char of new Set(text)) {
    const point = char.codePointAt(0)!;
    if (!files.some((font) => covers(font.unicodeRange, point))) {
      throw new Error(
        `the image's fonts cannot draw "${char}" (U+${point.toString(16).toUpperCase().padStart(4, '0')}); use --as email or --as html for this card`,
      );
    }
  }
  const { default: satori } = await import('satori');
  const height = Math.round(width * IMAGE_RATIO);
  const unit = width / IMAGE_WIDTH;
  const looks = LOOKS[tag] ?? {};
  const family = files.map((font) => `'Noto Sans ${font.subset}'`);
  const satoriFonts = files.map(({ subset, weight, style, data }) => ({
    name: `Noto Sans ${subset}`,
    data,
    weight,
    style,
  }));

  /** The card with its shrinking parts at `scale` of their size, and whether it fits the image. */
  async function draw(scale: number) {
    const px = (n: number) => Math.round(n * unit * 100) / 100;
    const children = blocks
      .filter((block) => !block.hidden || DRAWN[block.name])
      .map((block, i) => {
        const look = looks[block.name] ?? BODY;
        const size = px(look.min ? Math.max(look.size * scale, look.min) : look.size);
        const style = {
          display: 'flex',
          marginTop: i ? px(look.gap ?? 16) : 0,
          fontSize: size,
          fontWeight: look.weight ?? 400,
          lineHeight: look.line ?? 1.3,
          color: palette[look.colour],
        };
        const drawn = DRAWN[block.name];
        if (drawn) return div(style, [drawn(block, palette, px)]);
        // Inline, so a citation's words and its cited title wrap as one paragraph.
        return div(
          { ...style, display: 'block' },
          block.runs.map((run) =>
            run.cite
              ? {
                  type: 'span',
                  key: null,
                  props: { style: { fontStyle: 'italic' }, children: run.text },
                }
              : run.text,
          ),
        );
      });
    if (tag === 'study-quote') children.unshift(quoteMark(palette, px));
    let content = Infinity;
    const svg = await satori(
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          boxSizing: 'border-box',
          width,
          height,
          padding: `${px(PADDING[0])}px ${px(PADDING[1])}px`,
          backgroundColor: palette.surface,
          color: palette.text,
          fontFamily: family.join(', '),
          borderLeft: `${px(16)}px solid ${palette.accent}`,
        },
        [
          {
            ...div({ display: 'flex', flexDirection: 'column', flexShrink: 0 }, children),
            key: 'content',
          },
        ],
      ),
      {
        width,
        height,
        fonts: satoriFonts,
        onNodeDetected: (node) => {
          if (node.key === 'content') content = node.height;
        },
      },
    );
    return { svg, fits: content <= height - 2 * px(PADDING[0]) + 0.5 };
  }

  // The largest scale that fits, found in a few renders. At `floor`, every shrinking part is at
  // its smallest: when that does not fit, nothing does.
  const floor = Math.min(
    1,
    ...Object.values(looks).map((look) => (look.min ?? look.size) / look.size),
  );
  let best = await draw(1);
  if (!best.fits) {
    let [low, high] = [floor, 1];
    const smallest = await draw(low);
    if (!smallest.fits) {
      throw new Error(
        `its words do not fit a ${width}×${height} image at a legible size; use --as email or --as html for this card`,
      );
    }
    best = smallest;
    for (let step = 0; step < 5; step++) {
      const middle = (low + high) / 2;
      const tried = await draw(middle);
      if (tried.fits) [low, best] = [middle, tried];
      else high = middle;
    }
  }
  const title = `<title>${alt.replace(/[&<>]/g, (c) => ESCAPES[c]!)}</title>`;
  return best.svg.replace(
    /^<svg[^>]*>/,
    (open) => `${open.replace('<svg', '<svg role="img"')}${title}`,
  );
}

/** The quotation mark before a quote: decoration, as on the live card. */
const quoteMark = (palette: Palette, px: (n: number) => number) =>
  div(
    {
      display: 'flex',
      height: px(60),
      fontSize: px(150),
      fontWeight: 700,
      lineHeight: 1,
      color: palette.accent,
    },
    '“',
  );

/** The SVG as PNG, at its own size: resvg draws it, with no font needed (satori drew the text). */
export async function imagePng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
