/**
 * The email card: a card's blocks as HTML a newsletter can carry. Email clients run no script;
 * Gmail and Outlook for Windows drop `<style>` blocks, SVG and custom properties, and Outlook lays
 * out with Word, which handles tables and little else. So the card is a table at most 600 px wide,
 * every style inline and written out (no custom property, flex, grid or positioning), coloured by
 * the theme's palette, in a system font stack (a web font would not load), and its drawings (the
 * baseline bars, a progress bar) are table cells. Its words are the blocks the element rendered.
 *
 * The snapshot command (snapshot.ts) and the embed builder (demo/builder/) both render the element
 * with `emailAttributes`, read its card into blocks, and write the email with `emailOf`: the same
 * card makes the same email, and is refused for the same reason.
 */
import type { Theme } from '../internal/impact-element.js';
import { direction } from '../internal/lang.js';
import { palette, scheme, type Block, type Palette, type Run } from './card.js';

/** The widest a newsletter column is (Mailchimp: "600px or less"). */
const EMAIL_WIDTH = 600;

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/**
 * Fonts for the scripts the system stack above may lack, by language (an email cannot load a web
 * font, and a missing one draws boxes): Noto where it is installed (Android, most Linux), then
 * the fonts macOS and iOS ship, then Windows'. Its Latin falls through to the system's sans-serif.
 */
const KHMER =
  "'Noto Sans Khmer','Khmer Sangam MN','Khmer MN','Khmer UI','Leelawadee UI',sans-serif";
const ARABIC = "'Noto Sans Arabic','Geeza Pro',Tahoma,'Segoe UI',Arial,sans-serif";
const DEVANAGARI = "'Noto Sans Devanagari','Kohinoor Devanagari','Nirmala UI',Mangal,sans-serif";
const FONTS: Record<string, string> = {
  km: KHMER,
  ar: ARABIC,
  fa: ARABIC,
  ur: ARABIC,
  he: "'Noto Sans Hebrew','Arial Hebrew','Segoe UI',Arial,sans-serif",
  th: "'Noto Sans Thai',Thonburi,'Leelawadee UI',Tahoma,sans-serif",
  hi: DEVANAGARI,
  mr: DEVANAGARI,
  ne: DEVANAGARI,
};

/** How the email writes a card in one language: its font stack and its direction. */
interface Script {
  font: string;
  dir: 'rtl' | 'ltr';
  /**
   * What each table and cell repeats for right to left, since Outlook for Windows takes `dir` and
   * `align` from no parent: `dir="rtl"`, and on cells `align="right"`.
   */
  table: string;
  cell: string;
  /** `text-align`, for the clients that follow inline styles over attributes. */
  align: 'right' | undefined;
}

function scriptOf(lang: string): Script {
  const rtl = direction(lang);
  // By the language, as the fonts cover a script: `km-KH` is written in Khmer as `km` is.
  const base = lang.split('-')[0]!.toLowerCase();
  return {
    font: Object.hasOwn(FONTS, base) ? FONTS[base]! : FONT,
    dir: rtl ?? 'ltr',
    table: rtl ? ' dir="rtl"' : '',
    cell: rtl ? ' dir="rtl" align="right"' : '',
    align: rtl && 'right',
  };
}

/** How a part reads: sized as the live card is in a 600 px column, where it takes its wide layout. */
interface Look {
  /** Font size in px; the card's own is 16. */
  size: number;
  weight?: number;
  colour: keyof Palette;
  /** Line height, unitless. */
  line?: number;
  /** Space above it, in px. */
  gap?: number;
  /** The element that says what it is: a heading, a quotation. */
  tag?: string;
  /** Its links' colour, when not its text's. */
  link?: keyof Palette;
}

const BODY: Look = { size: 16, colour: 'text' };
const SMALL: Look = { size: 14, colour: 'muted' };
const CAPTION: Look = { size: 16, colour: 'muted', gap: 0, link: 'accent' };

/** Each element's parts; a part not named here reads as body text. */
const LOOKS: Record<string, Record<string, Look>> = {
  'impact-stat': {
    value: { size: 60, weight: 700, colour: 'accent', line: 1.05, gap: 0 },
    label: { ...BODY, weight: 600 },
    context: SMALL,
    source: SMALL,
  },
  // The quotation, then its caption, one part a line.
  'study-quote': {
    text: { size: 23, colour: 'text', line: 1.5, gap: 0, tag: 'blockquote' },
    author: { ...BODY, weight: 700, gap: 12 },
    role: CAPTION,
    date: CAPTION,
    source: CAPTION,
  },
  'fundraise-cta': {
    heading: { size: 22, weight: 700, colour: 'text', line: 1.2, gap: 0, tag: 'h2' },
    body: { ...BODY, gap: 12 },
    raised: { ...SMALL, gap: 12 },
    button: { ...BODY, gap: 16 },
  },
};

/** `{'font-size': '14px'}` as `font-size:14px`. */
const css = (declarations: Record<string, string | number | undefined>) =>
  Object.entries(declarations)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * A layout table: no borders or spacing of its own, and nothing for a screen reader to announce;
 * right to left when its script is (a bar then grows from the right).
 */
const table = (script: Script, attributes: string, rows: string) =>
  `<table role="presentation" cellpadding="0" cellspacing="0" border="0"${script.table}${attributes}>${rows}</table>`;

/**
 * A bar `share` percent long, drawn by a coloured cell: the only drawing every client shows. Its
 * line height and font size keep Outlook from growing it to a line of text.
 */
function bar(script: Script, share: number, colour: string, height: number, track?: string) {
  const cell = (width: string, background?: string) =>
    `<td width="${width}" height="${height}"${background ? ` bgcolor="${background}"` : ''} style="${css(
      {
        width,
        height: `${height}px`,
        'background-color': background,
        'font-size': '1px',
        'line-height': '1px',
        'mso-line-height-rule': 'exactly',
      },
    )}">&nbsp;</td>`;
  const width = Math.min(Math.max(share, 1), 100);
  const rest = 100 - width;
  return table(
    script,
    ` width="100%" style="width:100%"${track ? ` bgcolor="${track}"` : ''}`,
    `<tr>${cell(`${+width.toFixed(2)}%`, colour)}${rest >= 0.5 ? cell(`${+rest.toFixed(2)}%`, track) : ''}</tr>`,
  );
}

/** Links an inbox can follow: a relative one has no page to resolve against. */
export const EMAIL_LINK = /^(https?:\/\/|mailto:)/i;

/** A block's words, with its links (styled `link`) and cited titles. */
function runs(block: Block, link: string, warnings: string[]) {
  return block.runs
    .map((run: Run) => {
      const text = escape(run.text);
      if (run.cite) return `<cite style="font-style:italic">${text}</cite>`;
      if (!run.href) return text;
      // The words stay, unlinked.
      if (!EMAIL_LINK.test(run.href)) {
        warnings.push(
          `"${run.href}" is not an absolute http(s) or mailto URL, so the email does not link it`,
        );
        return text;
      }
      return `<a href="${escape(run.href)}" style="${link}">${text}</a>`;
    })
    .join('');
}

/** The parts drawn rather than written, each as the email can draw it. */
const DRAWN: Record<
  string,
  (block: Block, palette: Palette, script: Script, warnings: string[]) => string
> = {
  // A stat's figure and its baseline, the longer of the two at full length.
  bars: ({ figures }, palette, script) =>
    figures
      .map((share, i) => bar(script, share, palette[i ? 'muted' : 'accent'], 8))
      .join('<div style="font-size:3px;line-height:3px;mso-line-height-rule:exactly">&nbsp;</div>'),
  progress: ({ figures: [value = 0, max = 1] }, palette, script) =>
    table(
      script,
      ` width="100%" style="${css({ width: '100%', border: `1px solid ${palette.border}` })}"`,
      `<tr><td>${bar(script, (value / max) * 100, palette.accent, 10, palette.surface)}</td></tr>`,
    ),
  // A "bulletproof" button: a coloured cell around the link, which Outlook draws with the Word
  // engine where a padded link alone would lose its padding.
  button: (block, palette, script, warnings) =>
    table(
      script,
      '',
      `<tr><td${script.cell} bgcolor="${palette.accent}" style="${css({
        'background-color': palette.accent,
        padding: '10px 20px',
      })}">${runs(
        block,
        css({
          color: palette['on-accent'],
          'font-family': script.font,
          'font-size': '16px',
          'font-weight': 600,
          'text-decoration': 'none',
        }),
        warnings,
      )}</td></tr>`,
    ),
};

/** The quotation mark before a quote: decoration, as on the live card. */
const quoteMark = (palette: Palette) =>
  `<div aria-hidden="true" style="${css({
    'font-family': 'Georgia,serif',
    'font-size': '64px',
    'font-weight': 700,
    'line-height': '40px',
    'mso-line-height-rule': 'exactly',
    height: '32px',
    color: palette.accent,
  })}">&#8220;</div>`;

/**
 * The card as a newsletter's HTML: one table, a row per block. `lang` is the card's language: the
 * table says it, with its direction, and every cell aligns as it reads (`align`, `dir`: Outlook
 * takes no `dir` from a parent), in a font stack that has its script. Warnings name what the
 * email leaves out (a link it cannot follow).
 */
export function emailCard(
  tag: string,
  blocks: Block[],
  palette: Palette,
  lang: string,
): { html: string; warnings: string[] } {
  const warnings: string[] = [];
  const script = scriptOf(lang);
  const looks = LOOKS[tag] ?? {};
  // Hidden blocks are drawings (the bars) or nothing the email can show.
  const shown = blocks.filter((block) => !block.hidden || DRAWN[block.name]);
  const rows = shown.map((block, i) => {
    const look = looks[block.name] ?? BODY;
    const drawn = DRAWN[block.name];
    let content: string;
    if (drawn) {
      content = drawn(block, palette, script, warnings);
    } else {
      const element = look.tag ?? 'p';
      const link = css({
        color: palette[look.link ?? look.colour],
        'text-decoration': 'underline',
      });
      content = `${element === 'blockquote' ? quoteMark(palette) : ''}<${element} style="${css({
        margin: 0,
        'font-family': script.font,
        'font-size': `${look.size}px`,
        'font-weight': look.weight,
        'line-height': look.line,
        'text-align': script.align,
        color: palette[look.colour],
      })}">${runs(block, link, warnings)}</${element}>`;
    }
    const gap = i === 0 ? 0 : (look.gap ?? 8);
    return `<tr><td${script.cell}${gap ? ` style="padding-top:${gap}px"` : ''}>${content}</td></tr>`;
  });
  // Its own direction, even left to right: pasted into a newsletter written the other way, it
  // keeps the direction its words read in.
  const card = table(
    { ...script, table: '' },
    ` lang="${escape(lang)}" dir="${script.dir}" width="${EMAIL_WIDTH}" bgcolor="${palette.surface}" style="${css(
      {
        width: '100%',
        'max-width': `${EMAIL_WIDTH}px`,
        'background-color': palette.surface,
        border: `1px solid ${palette.border}`,
        'border-collapse': 'separate',
      },
    )}"`,
    `<tr><td${script.cell} style="${css({
      padding: '24px 32px',
      'font-family': script.font,
      'font-size': '16px',
      'line-height': 1.4,
      'text-align': script.align,
      color: palette.text,
    })}">${table(script, ' width="100%" style="width:100%"', rows.join(''))}</td></tr>`,
  );
  return { html: `${card}\n`, warnings };
}

/**
 * The attributes an element renders its email card with. A call to action's button becomes a link
 * to its `button.href` (`data-href`): an email cannot hold the sign-up form, so its endpoint is
 * empty, which is none, and the element's button is then its link, by its own rules.
 */
export const emailAttributes = (
  tag: string,
  attributes: Readonly<Record<string, string>> = {},
): Record<string, string> =>
  tag === 'fundraise-cta' ? { ...attributes, 'data-endpoint': '' } : { ...attributes };

/**
 * The email card of an element rendered with `emailAttributes`, in `theme`'s colours. Throws, in
 * words for whoever chose the card, when an email cannot carry it: theme `auto`, or a call to
 * action whose button is no link an inbox can follow.
 */
export function emailOf(
  tag: string,
  blocks: Block[],
  theme: Theme | undefined,
  lang: string,
): { html: string; warnings: string[] } {
  const colours = palette(scheme(theme));
  if (tag === 'fundraise-cta') {
    const href = blocks.find((block) => block.name === 'button')?.runs[0]?.href;
    if (!href || !EMAIL_LINK.test(href)) {
      throw new Error(
        href
          ? `button.href "${href}" is not an absolute http(s) or mailto URL, which an email needs`
          : "an email's button must be a link, and this call to action has none: give it a button.href (data-href); an email cannot hold the sign-up form",
      );
    }
  }
  return emailCard(tag, blocks, colours, lang);
}
