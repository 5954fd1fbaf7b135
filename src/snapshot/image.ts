/**
 * The image card: a card's blocks laid out and drawn as SVG, and as PNG by resvg, with no browser.
 * For where neither a script nor an iframe goes: a social post (1200×630, the size the networks
 * crop link previews to), or a newsletter that would rather show a picture (`width` 600). Its
 * words are the blocks the element rendered; its colours the theme's; its fonts the Noto Sans
 * files the build writes beside this module (dist/fonts/), because a partner's machine may have
 * none, and those `--font` adds. Text is drawn as paths, so the image needs no font wherever it goes.
 *
 * Every run of text is shaped by HarfBuzz (harfbuzzjs), as a browser shapes it: Khmer's stacked
 * consonants and vowels, Thai's and Devanagari's marks and Arabic's joining forms come out as
 * the fonts' own rules place them. Lines break where the language breaks (Intl.Segmenter by word:
 * Khmer and Thai put no spaces between words), and right-to-left words are put in order by the
 * Unicode Bidirectional Algorithm (bidi-js). The card is a column of blocks with fixed looks, so
 * the layout is ours: a line box per line, as CSS stacks them, and a few rectangles.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import bidiFactory from 'bidi-js';
import type * as HarfBuzz from 'harfbuzzjs';
import type { Block, Palette } from './card.js';
import { DIRECTIONAL } from './snippet.js';

/** A social post's preview: 1200×630, which Facebook, LinkedIn and X show uncropped. */
export const IMAGE_WIDTH = 1200;
const IMAGE_RATIO = 630 / 1200;
/** The card's padding at 1200 px wide: above and below, and at the sides. */
const PADDING = [56, 72] as const;
/** The accent border on the card's starting side. */
const BORDER = 16;

/** One font file of dist/fonts/fonts.json, as the build wrote it. */
interface FontFile {
  /** Brotli-compressed TrueType, beside fonts.json. */
  file: string;
  family: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** The characters it covers, as CSS writes them: `U+0000-00FF,U+0131`. */
  unicodeRange: string;
}

/** A font the image may draw with: one file of a family, opened by HarfBuzz when first used. */
interface Face {
  /** Its file's name (`noto-sans-khmer-400-normal.ttf.br`), or the path `--font` gave. */
  name: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  open: () => Opened;
}

interface Opened {
  font: HarfBuzz.Font;
  upem: number;
  /** Ascent and descent, in em. */
  ascent: number;
  descent: number;
  /** Each glyph's outline, in font units, once drawn. */
  outlines: Map<number, HarfBuzz.SvgPathCommand[]>;
}

/** Fonts of one design, one per weight and style, and the characters they cover. */
interface Family {
  covers: (point: number) => boolean;
  faces: Face[];
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
/** CSS's `line-height: normal` is the font's; the card sets 1.3 where a look names none. */
const LINE = 1.3;

export type Direction = 'ltr' | 'rtl';

export interface ImageOptions {
  tag: string;
  blocks: Block[];
  palette: Palette;
  /** Width in px; the height follows at 1200×630's ratio. */
  width: number;
  /** The card's words, for the SVG's `<title>`. */
  alt: string;
  /** The card's language (BCP 47): where its lines may break, and how HarfBuzz shapes them. */
  lang?: string;
  /** The card's direction: `rtl` mirrors it, border, bars and all. */
  dir?: Direction;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

let harfbuzz: typeof HarfBuzz | undefined;
/** harfbuzzjs, loaded once (its WebAssembly with it), when the first image is drawn. */
async function loadHarfBuzz() {
  harfbuzz ??= await import('harfbuzzjs');
  return harfbuzz;
}

function opener(hb: typeof HarfBuzz, data: () => Uint8Array): () => Opened {
  let opened: Opened | undefined;
  return () => {
    if (!opened) {
      const face = new hb.Face(new hb.Blob(data()));
      const font = new hb.Font(face);
      const { ascender, descender } = font.hExtents();
      opened = {
        font,
        upem: face.upem,
        ascent: ascender / face.upem,
        descent: -descender / face.upem,
        outlines: new Map(),
      };
    }
    return opened;
  };
}

/** Whether a unicode-range (`U+0000-00FF,U+0131`) covers a code point. */
function rangeCovers(range: string): (point: number) => boolean {
  const spans = range.split(',').map((span) => {
    const [from, to = from] = span.replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to!, 16)] as const;
  });
  return (point) => spans.some(([from, to]) => point >= from && point <= to);
}

let shipped: Family[] | undefined;
/** The fonts this package ships, read once: every image of a run draws with the same ones. */
function shippedFamilies(hb: typeof HarfBuzz): Family[] {
  if (shipped) return shipped;
  const folder = new URL('./fonts/', import.meta.url);
  const files = JSON.parse(readFileSync(new URL('fonts.json', folder), 'utf8')) as FontFile[];
  const families = new Map<string, Family>();
  for (const file of files) {
    let family = families.get(file.family);
    if (!family) {
      // A family's files cover the same characters, weight for weight.
      family = { covers: rangeCovers(file.unicodeRange), faces: [] };
      families.set(file.family, family);
    }
    family.faces.push({
      name: file.file,
      weight: file.weight,
      style: file.style,
      open: opener(hb, () => brotliDecompressSync(readFileSync(new URL(file.file, folder)))),
    });
  }
  shipped = [...families.values()];
  return shipped;
}

/** A font file given by `--font`: its path, for the messages, and its bytes. */
export interface AddedFont {
  name: string;
  data: Uint8Array;
}

const added: Family[] = [];
/** How a TrueType or OpenType file starts (its sfnt version). */
const SFNT = ['\0\x01\0\0', 'OTTO', 'true'];

/**
 * Adds fonts to every image drawn after: for the characters the shipped fonts lack (a script of
 * theirs takes each character from the first font that has it, shipped fonts first). One file
 * serves every weight and style. Throws, naming the file, when it is not a TrueType or OpenType font.
 */
export async function addImageFonts(fonts: AddedFont[]): Promise<void> {
  const hb = await loadHarfBuzz();
  for (const { name, data } of fonts) {
    const signature = Buffer.from(data.subarray(0, 4)).toString('latin1');
    const face = SFNT.includes(signature) ? new hb.Face(new hb.Blob(data)) : undefined;
    const points = new Set(face?.collectUnicodes());
    if (!points.size) throw new Error(`${name} is not a TrueType or OpenType font`);
    added.push({
      covers: (point) => points.has(point),
      faces: [{ name, weight: 400, style: 'normal', open: opener(hb, () => data) }],
    });
  }
}

/** Characters that draw nothing of their own: joiners, directional marks, variation selectors. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;
/** Characters of no script of their own (spaces, punctuation, digits, combining marks). */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}\p{Default_Ignorable_Code_Point}]$/u;

const codes = (chars: string[]) =>
  chars
    .map(
      (char) => `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
    )
    .join(', ');

/** One stretch of a paragraph in one face, style and direction, shaped by HarfBuzz. */
interface Item {
  start: number;
  end: number;
  level: number;
  face: Face;
  /** In the order HarfBuzz gives them: left to right, for either direction. */
  glyphs: Glyph[];
  /** Advance, in em. */
  width: number;
}

/** A shaped glyph: its id in the font, its cluster (the paragraph's UTF-16 index), in font units. */
export interface Glyph {
  id: number;
  cluster: number;
  ax: number;
  dx: number;
  dy: number;
}

/** A line of a laid-out block: its items in visual order, from the left. */
export interface Line {
  text: string;
  items: {
    /** The font's file (`noto-sans-khmer-400-normal.ttf.br`), or the path `--font` gave. */
    font: string;
    /** Where its text starts in the block's words, in UTF-16 units, as its glyphs' clusters count. */
    start: number;
    text: string;
    direction: Direction;
    /** Where it is drawn, in px from the image's left edge, and how wide. */
    x: number;
    width: number;
    glyphs: Glyph[];
  }[];
}

const bidi = bidiFactory();

/**
 * A block's words as one paragraph: its text, its levels (UAX #9), where a line may start, and
 * its stretches measured and shaped once, whatever size it is drawn at.
 */
class Paragraph {
  readonly text: string;
  readonly #levels: Uint8Array;
  readonly #italic: boolean[];
  readonly #weight: 400 | 700;
  readonly #families: Family[];
  readonly #lang: string;
  /** Where a line may start: after a space, or between two words of a language without spaces. */
  readonly breaks: number[] = [];
  readonly #shaped = new Map<string, Item[]>();
  readonly #hb: typeof HarfBuzz;

  constructor(
    hb: typeof HarfBuzz,
    runs: { text: string; cite?: boolean }[],
    options: { weight: 400 | 700; families: Family[]; lang: string; dir: Direction },
  ) {
    this.#hb = hb;
    // Without embeddings, overrides and isolates, as the card reads elsewhere (card.ts): a
    // partner's words opening an override they never close do not turn the image's around.
    // The algorithm's own rules still order a Latin name or a number inside Arabic words.
    runs = runs.map((run) => ({ ...run, text: run.text.replace(DIRECTIONAL, '') }));
    this.text = runs.map((run) => run.text).join('');
    // One entry per UTF-16 unit, as the levels and HarfBuzz's clusters count them.
    this.#italic = [];
    for (const run of runs) {
      for (let i = 0; i < run.text.length; i++) this.#italic.push(!!run.cite);
    }
    this.#weight = options.weight;
    this.#families = options.families;
    this.#lang = options.lang;
    this.#levels = bidi.getEmbeddingLevels(this.text, options.dir).levels;
    let previous: Intl.SegmentData | undefined;
    for (const segment of new Intl.Segmenter(options.lang, { granularity: 'word' }).segment(
      this.text,
    )) {
      if (
        previous &&
        (/\s$/.test(previous.segment) || (previous.isWordLike && segment.isWordLike))
      ) {
        this.breaks.push(segment.index);
      }
      previous = segment;
    }
    this.breaks.push(this.text.length);
  }

  /** The face for the character at `index`: the first family that has it, in the run's style. */
  #faceAt(index: number, before: Face | undefined): Face | undefined {
    const point = this.text.codePointAt(index)!;
    const char = String.fromCodePoint(point);
    const italic = this.#italic[index];
    // A space, a digit or a mark stays in the font of the letters before it, as a browser keeps
    // a run in one font where it can: a Khmer sentence's full stop in the Khmer font.
    if (before && NEUTRAL.test(char)) {
      const family = this.#families.find((f) => f.faces.includes(before));
      if (family?.covers(point) || INVISIBLE.test(char)) return before;
    }
    const family = this.#families.find((f) => f.covers(point));
    if (!family) return undefined;
    const rank = (face: Face) =>
      (face.weight === this.#weight ? 0 : 2) +
      (face.style === (italic ? 'italic' : 'normal') ? 0 : 1);
    return family.faces.reduce((best, face) => (rank(face) < rank(best) ? face : best));
  }

  /** The stretches of [start, end), in logical order, shaped. */
  items(start: number, end: number): Item[] {
    const key = `${start}:${end}`;
    const cached = this.#shaped.get(key);
    if (cached) return cached;
    const spans: { start: number; end: number; level: number; face: Face }[] = [];
    let face: Face | undefined;
    for (let i = start; i < end;) {
      const step = this.text.codePointAt(i)! > 0xffff ? 2 : 1;
      // Only a character that draws nothing has no face of its own (imageLayout refuses others).
      face = this.#faceAt(i, face) ?? face ?? this.#families[0]!.faces[0]!;
      const level = this.#levels[i]!;
      const last = spans.at(-1);
      if (last && last.face === face && last.level === level) last.end = i + step;
      else spans.push({ start: i, end: i + step, level, face });
      i += step;
    }
    const items = spans.map((span) => this.#shape(span));
    this.#shaped.set(key, items);
    return items;
  }

  #shape(span: { start: number; end: number; level: number; face: Face }): Item {
    const hb = this.#hb;
    const { font, upem } = span.face.open();
    const buffer = new hb.Buffer();
    // The whole paragraph, with the stretch to shape: HarfBuzz sees the letters around it, as
    // Arabic's joining across a change of font needs.
    buffer.addText(this.text, span.start, span.end - span.start);
    buffer.setDirection(span.level % 2 ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.setLanguage(this.#lang);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    const glyphs = buffer.getGlyphInfosAndPositions().map((glyph) => ({
      id: glyph.codepoint,
      cluster: glyph.cluster,
      ax: glyph.xAdvance ?? 0,
      dx: glyph.xOffset ?? 0,
      dy: glyph.yOffset ?? 0,
    }));
    const width = glyphs.reduce((sum, glyph) => sum + glyph.ax, 0) / upem;
    return { ...span, glyphs, width };
  }

  /** The width of [start, end) in em, its spaces at the end left out (they hang, as in CSS). */
  width(start: number, end: number): number {
    const trimmed = this.trimEnd(start, end);
    return this.items(start, trimmed).reduce((sum, item) => sum + item.width, 0);
  }

  trimEnd(start: number, end: number): number {
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    return end;
  }

  /**
   * The lines of the paragraph at `max` em wide, filled greedily. A word wider than a line
   * breaks between its graphemes, so no text runs past the image's edge.
   */
  lines(max: number): [number, number][] {
    const lines: [number, number][] = [];
    let start = 0;
    let fit = 0;
    for (const at of this.breaks) {
      if (this.width(start, at) <= max) {
        fit = at;
        continue;
      }
      if (fit > start) {
        lines.push([start, fit]);
        start = fit;
      }
      if (this.width(start, at) > max) {
        // One word wider than a line.
        const word = start;
        let previous = start;
        const graphemes = new Intl.Segmenter(this.#lang, { granularity: 'grapheme' });
        for (const { index, segment } of graphemes.segment(this.text.slice(word, at))) {
          const cut = word + index + segment.length;
          if (this.width(start, cut) > max && previous > start) {
            lines.push([start, previous]);
            start = previous;
          }
          previous = cut;
        }
      }
      fit = at;
    }
    if (start < this.text.length) lines.push([start, this.text.length]);
    return lines.map(([from, to]) => [from, this.trimEnd(from, to)]);
  }

  /** The stretches of a line in visual order (UAX #9, L2): each run of higher levels reversed. */
  visual(start: number, end: number): Item[] {
    const items = [...this.items(start, end)];
    const levels = items.map((item) => item.level);
    const highest = Math.max(0, ...levels);
    const lowestOdd = Math.min(...levels.map((level) => (level % 2 ? level : level + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < items.length; i++) {
        if (items[i]!.level < level) continue;
        let j = i;
        while (j + 1 < items.length && items[j + 1]!.level >= level) j++;
        items.splice(i, j - i + 1, ...items.slice(i, j + 1).reverse());
        i = j;
      }
    }
    return items;
  }
}

/** A number as the SVG writes it: two decimals at most. */
const n = (value: number) => `${Math.round(value * 100) / 100}`;

/** The outlines of a line's glyphs as path data, the pen starting at `x` on `baseline`. */
function glyphPaths(items: Item[], size: number, x: number, baseline: number): string {
  let d = '';
  for (const item of items) {
    const opened = item.face.open();
    const scale = size / opened.upem;
    for (const glyph of item.glyphs) {
      let outline = opened.outlines.get(glyph.id);
      if (!outline) {
        outline = opened.font.glyphToJson(glyph.id);
        opened.outlines.set(glyph.id, outline);
      }
      const left = x + glyph.dx * scale;
      const base = baseline - glyph.dy * scale;
      for (const { type, values } of outline) {
        d += type;
        for (let i = 0; i < values.length; i += 2) {
          d += `${i ? ' ' : ''}${n(left + values[i]! * scale)} ${n(base - values[i + 1]! * scale)}`;
        }
      }
      x += glyph.ax * scale;
    }
  }
  return d;
}

/** What a block puts in the column: its height, and its drawing at a given top. */
interface Laid {
  height: number;
  /** Whether any of its lines is wider than the content box. */
  overflows?: boolean;
  draw: (top: number) => string;
  lines?: Line[];
}

/** Where things go across the content box: from its start, mirrored for right to left. */
interface Across {
  left: number;
  width: number;
  dir: Direction;
  /** The x of a box `width` wide that starts `offset` from the content's starting edge. */
  place: (offset: number, width: number) => number;
}

/** The vertical room a line's fonts take: CSS's line box, half-leading above and below each. */
function lineBox(items: Item[], strut: Face, size: number, line: number) {
  let [above, below] = [0, 0];
  for (const face of [strut, ...items.map((item) => item.face)]) {
    const { ascent, descent } = face.open();
    const leading = line - ascent - descent;
    above = Math.max(above, (ascent + leading / 2) * size);
    below = Math.max(below, (descent + leading / 2) * size);
  }
  return { above, below };
}

/** A paragraph's lines at `size`, `max` px wide, aligned to the start, drawn in `colour`. */
function textBlock(
  paragraph: Paragraph,
  strut: Face,
  look: { size: number; line: number; colour: string },
  across: Across,
  max: number,
  offset = 0,
): Laid & { width: number; overflows: boolean } {
  const { size, line, colour } = look;
  const laid = paragraph.lines(max / size).map(([start, end]) => {
    const items = paragraph.visual(start, end);
    const width = items.reduce((sum, item) => sum + item.width, 0) * size;
    return { start, end, items, width, ...lineBox(items, strut, size, line) };
  });
  const height = laid.reduce((sum, l) => sum + l.above + l.below, 0);
  const width = Math.max(0, ...laid.map((l) => l.width));
  return {
    height,
    width,
    // A grapheme wider than the line, which nothing but a smaller size can fit.
    overflows: width > max + 0.5,
    lines: laid.map((l) => {
      let x = across.place(offset, l.width);
      return {
        text: paragraph.text.slice(l.start, l.end),
        items: l.items.map((item) => {
          const placed = {
            font: item.face.name,
            start: item.start,
            text: paragraph.text.slice(item.start, item.end),
            direction: item.level % 2 ? ('rtl' as const) : ('ltr' as const),
            x,
            width: item.width * size,
            glyphs: item.glyphs,
          };
          x += placed.width;
          return placed;
        }),
      };
    }),
    draw: (top) => {
      let d = '';
      for (const l of laid) {
        d += glyphPaths(l.items, size, across.place(offset, l.width), top + l.above);
        top += l.above + l.below;
      }
      return d ? `<path fill="${colour}" d="${d}"/>` : '';
    },
  };
}

/**
 * The card as SVG: the figure, a quote's words or a heading as large as the image allows, down
 * to a legible size. Throws when the card's words hold characters no font can draw (naming them
 * all), or do not fit the image at a legible size.
 */
export async function imageSvg(options: ImageOptions): Promise<string> {
  return (await imageLayout(options)).svg;
}

/** The card laid out: its SVG, and each text block's lines as HarfBuzz shaped them. */
export async function imageLayout({
  tag,
  blocks,
  palette,
  width,
  alt,
  lang = 'en',
  dir = 'ltr',
}: ImageOptions): Promise<{ svg: string; blocks: { name: string; lines: Line[] }[] }> {
  const hb = await loadHarfBuzz();
  const families = [...shippedFamilies(hb), ...added];
  const shown = blocks.filter((block) => !block.hidden || DRAWN[block.name]);
  const text = [QUOTE_MARK, ...shown.flatMap((block) => block.runs.map((run) => run.text))].join(
    '',
  );
  const lacking = [...new Set(text)].filter((char) => {
    const point = char.codePointAt(0)!;
    return !INVISIBLE.test(char) && !families.some((family) => family.covers(point));
  });
  if (lacking.length) {
    throw new Error(
      `the image's fonts cannot draw ${codes(lacking)}; add a font that has ${lacking.length > 1 ? 'them' : 'it'} with --font FILE, or use --as email or --as html for this card`,
    );
  }
  const height = Math.round(width * IMAGE_RATIO);
  const unit = width / IMAGE_WIDTH;
  const px = (value: number) => Math.round(value * unit * 100) / 100;
  const looks = LOOKS[tag] ?? {};
  const strutFamily = families[0]!;
  const strut = (weight: 400 | 700) =>
    strutFamily.faces.find((face) => face.weight === weight && face.style === 'normal')!;
  const paragraphs = new Map<Block, Paragraph>();
  const paragraph = (block: Block, weight: 400 | 700) => {
    let made = paragraphs.get(block);
    if (!made) {
      made = new Paragraph(hb, block.runs, { weight, families, lang, dir });
      paragraphs.set(block, made);
    }
    return made;
  };

  const border = px(BORDER);
  const [padY, padX] = [px(PADDING[0]), px(PADDING[1])];
  const contentLeft = dir === 'ltr' ? border + padX : padX;
  const contentWidth = width - border - 2 * padX;
  const across: Across = {
    left: contentLeft,
    width: contentWidth,
    dir,
    place: (offset, w) =>
      dir === 'ltr' ? contentLeft + offset : contentLeft + contentWidth - offset - w,
  };
  const mark = new Paragraph(hb, [{ text: QUOTE_MARK }], { weight: 700, families, lang, dir });

  /** The card with its shrinking parts at `scale` of their size, and whether it fits the image. */
  function draw(scale: number) {
    const laid: (Laid & { name: string; gap: number })[] = shown.map((block, i) => {
      const look = looks[block.name] ?? BODY;
      const size = px(look.min ? Math.max(look.size * scale, look.min) : look.size);
      const weight = look.weight ?? 400;
      const gap = i ? px(look.gap ?? 16) : 0;
      const context = { palette, px, across, paragraph: () => paragraph(block, weight), strut };
      const drawn = DRAWN[block.name];
      if (drawn) return { name: block.name, gap, ...drawn(block, { ...context, size, look }) };
      const colour = palette[look.colour];
      const text = textBlock(
        paragraph(block, weight),
        strut(weight),
        { size, line: look.line ?? LINE, colour },
        across,
        contentWidth,
      );
      return { name: block.name, gap, ...text };
    });
    if (tag === 'study-quote')
      laid.unshift({ name: 'mark', gap: 0, ...quoteMark(mark, strut(700), palette, px, across) });
    const content = laid.reduce((sum, block) => sum + block.gap + block.height, 0);
    let top = padY + (height - 2 * padY - content) / 2;
    let body = '';
    for (const block of laid) {
      top += block.gap;
      body += block.draw(top);
      top += block.height;
    }
    const edge = dir === 'ltr' ? 0 : width - border;
    const svg =
      `<svg role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">` +
      `<title>${escape(alt)}</title>` +
      `<rect width="${width}" height="${height}" fill="${palette.surface}"/>` +
      `<rect x="${n(edge)}" width="${n(border)}" height="${height}" fill="${palette.accent}"/>` +
      `${body}</svg>`;
    return {
      svg,
      fits: content <= height - 2 * padY + 0.5 && !laid.some((block) => block.overflows),
      blocks: laid.flatMap(({ name, lines }) => (lines ? [{ name, lines }] : [])),
    };
  }

  // The largest scale that fits, found in a few layouts. At `floor`, every shrinking part is at
  // its smallest: when that does not fit, nothing does.
  const floor = Math.min(
    1,
    ...Object.values(looks).map((look) => (look.min ?? look.size) / look.size),
  );
  let best = draw(1);
  if (!best.fits) {
    let [low, high] = [floor, 1];
    const smallest = draw(low);
    if (!smallest.fits) {
      throw new Error(
        `its words do not fit a ${width}×${height} image at a legible size; use --as email or --as html for this card`,
      );
    }
    best = smallest;
    for (let step = 0; step < 5; step++) {
      const middle = (low + high) / 2;
      const tried = draw(middle);
      if (tried.fits) [low, best] = [middle, tried];
      else high = middle;
    }
  }
  return { svg: best.svg, blocks: best.blocks };
}

/** What a drawn part is given: the theme, the scale, the content box and the block's words. */
interface DrawContext {
  palette: Palette;
  px: (value: number) => number;
  across: Across;
  size: number;
  look: Look;
  paragraph: () => Paragraph;
  strut: (weight: 400 | 700) => Face;
}

const rect = (x: number, y: number, w: number, h: number, r: number, fill: string) =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" fill="${fill}"/>`;

/** The parts drawn rather than written, and the call to action's button. */
const DRAWN: Record<string, (block: Block, context: DrawContext) => Laid> = {
  // A stat's figure and its baseline as two bars, the longer at full length; a figure of 0 is
  // a dot, as on the live card. From the starting side: the right, right to left.
  bars: ({ figures }, { palette, px, across }) => {
    const [bar, gap] = [px(14), px(8)];
    return {
      height: figures.length * bar + Math.max(0, figures.length - 1) * gap,
      draw: (top) =>
        figures
          .map((share, i) => {
            const w = Math.max((Math.min(Math.max(share, 0), 100) / 100) * across.width, bar);
            const y = top + i * (bar + gap);
            return rect(across.place(0, w), y, w, bar, bar / 2, palette[i ? 'muted' : 'accent']);
          })
          .join(''),
    };
  },
  // Filled from the starting side, inside a rounded border.
  progress: ({ figures: [value = 0, max = 1] }, { palette, px, across }) => {
    const [h, line] = [px(22), px(2)];
    const share = Math.min(Math.max(value / max, 0), 1);
    return {
      height: h,
      draw: (top) => {
        const inner = across.width - 2 * line;
        const fill = share * inner;
        const clip = `progress-${Math.round(top * 100)}`;
        return (
          rect(across.left, top, across.width, h, h / 2, palette.border) +
          rect(across.left + line, top + line, inner, h - 2 * line, h / 2 - line, palette.surface) +
          `<clipPath id="${clip}">${rect(across.left + line, top + line, inner, h - 2 * line, h / 2 - line, '#000')}</clipPath>` +
          (fill > 0
            ? `<rect clip-path="url(#${clip})" x="${n(across.place(line, fill))}" y="${n(top + line)}" width="${n(fill)}" height="${n(h - 2 * line)}" fill="${palette.accent}"/>`
            : '')
        );
      },
    };
  },
  // The button the live card shows: the image links where its post or newsletter links it.
  button: (_block, { palette, px, across, size, look, paragraph, strut }) => {
    const [padY, padX] = [px(18), px(40)];
    const words = textBlock(
      paragraph(),
      strut(look.weight ?? 400),
      { size, line: look.line ?? LINE, colour: palette[look.colour] },
      across,
      across.width - 2 * padX,
      padX,
    );
    const w = words.width + 2 * padX;
    return {
      height: words.height + 2 * padY,
      lines: words.lines,
      overflows: words.overflows,
      draw: (top) =>
        rect(across.place(0, w), top, w, words.height + 2 * padY, px(12), palette.accent) +
        words.draw(top + padY),
    };
  },
};

/** The quotation mark before a quote, as on the live card. */
const QUOTE_MARK = '“';

/**
 * The quotation mark before a quote: decoration, as on the live card, 60 px of the column and
 * 150 px tall. Right to left, it stands at the right, mirrored, its tails towards the words.
 */
function quoteMark(
  mark: Paragraph,
  strut: Face,
  palette: Palette,
  px: (value: number) => number,
  across: Across,
): Laid {
  const size = px(150);
  const items = mark.visual(0, mark.text.length);
  const width = items.reduce((sum, item) => sum + item.width, 0) * size;
  const { above } = lineBox(items, strut, size, 1);
  return {
    height: px(60),
    draw: (top) => {
      const x = across.place(0, width);
      const d = glyphPaths(items, size, x, top + above);
      const mirror =
        across.dir === 'rtl' ? ` transform="matrix(-1 0 0 1 ${n(2 * x + width)} 0)"` : '';
      return `<path fill="${palette.accent}"${mirror} d="${d}"/>`;
    },
  };
}

/** The SVG as PNG, at its own size: resvg draws it, with no font needed (the text is paths). */
export async function imagePng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
