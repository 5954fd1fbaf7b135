/**
 * The study document: one JSON file describes one study, its headline stats, its quotes and its
 * calls to action. This schema is the single source of truth: the loader validates with it, the
 * TypeScript types are inferred from it, and the build turns it into `dist/study.schema.json` so a
 * partner's editor can check their document as they write it.
 *
 * Unknown keys are accepted and dropped, so a document written for a later version of the bundle
 * still loads in this one.
 */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.minLength(1));
const finiteNumber = v.pipe(v.number(), v.finite());
/** A link target. Schemes are checked where the link is rendered, so a bad one drops the link, not the document. */
const link = v.string();

const SourceSchema = v.object({
  label: text,
  url: v.optional(link),
});

export const STAT_FORMATS = ['percent', 'number', 'compact', 'currency'] as const;
export const SIGNUP_ENCODINGS = ['json', 'form'] as const;

export const StudySchema = v.object({
  id: text,
  title: text,
  publisher: text,
  year: v.pipe(v.number(), v.integer()),
  url: v.optional(link),
  /** BCP 47 language of the document's text, used when the page gives none. */
  locale: v.optional(text),
});

export const StatSchema = v.object({
  id: text,
  /** For "percent", percentage points: 2.2 means 2.2 %. */
  value: finiteNumber,
  format: v.picklist(STAT_FORMATS),
  /** ISO 4217 code, for the "currency" format. */
  currency: v.optional(v.pipe(v.string(), v.length(3))),
  decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
  label: text,
  context: v.optional(text),
  baseline: v.optional(v.object({ value: finiteNumber, label: text })),
  source: v.optional(SourceSchema),
});

export const QuoteSchema = v.object({
  id: text,
  text: text,
  author: text,
  role: v.optional(text),
  date: v.optional(text),
  source: v.optional(SourceSchema),
});

export const CtaSchema = v.object({
  id: text,
  heading: text,
  body: text,
  button: v.object({ label: text, href: v.optional(link) }),
  signup: v.optional(
    v.object({
      /** Optional here so a document can carry the texts while each partner names its own endpoint. */
      endpoint: v.optional(link),
      encoding: v.optional(v.picklist(SIGNUP_ENCODINGS)),
      success: text,
      guide: v.optional(v.object({ label: text, url: v.optional(link) })),
    }),
  ),
  progress: v.optional(
    v.object({
      raised: finiteNumber,
      goal: v.pipe(v.number(), v.finite(), v.gtValue(0)),
      currency: v.pipe(v.string(), v.length(3)),
    }),
  ),
});

export const StudyDocumentSchema = v.object({
  version: v.literal(1),
  study: StudySchema,
  stats: v.array(StatSchema),
  quotes: v.array(QuoteSchema),
  ctas: v.array(CtaSchema),
});

export type StudyDocument = v.InferOutput<typeof StudyDocumentSchema>;
export type Study = StudyDocument['study'];
export type Stat = StudyDocument['stats'][number];
export type Quote = StudyDocument['quotes'][number];
export type Cta = StudyDocument['ctas'][number];
export type StatFormat = Stat['format'];

/** The three lists of items an element can take its content from. */
export type ItemKind = 'stats' | 'quotes' | 'ctas';
export type ItemOf<K extends ItemKind> = StudyDocument[K][number];

export type ValidationResult =
  { ok: true; document: StudyDocument } | { ok: false; message: string };

/**
 * Checks an untrusted value against the schema. The message names the first problem by its path,
 * in the form partners see in the console: `stats[2].value: expected a number, got "2,2"`.
 */
export function validateStudyDocument(input: unknown): ValidationResult {
  const result = v.safeParse(StudyDocumentSchema, input, { abortEarly: true });
  if (result.success) return { ok: true, document: result.output };
  const issue = result.issues[0];
  const path = formatPath(issue.path);
  return { ok: false, message: `${path || 'document'}: ${describeIssue(issue)}` };
}

type Issue = v.InferIssue<typeof StudyDocumentSchema>;

function formatPath(path: Issue['path']): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

function describeIssue(issue: Issue): string {
  if (issue.received === 'undefined') return 'required, but missing';
  if (issue.kind === 'schema') return `expected ${noun(issue.expected)}, got ${issue.received}`;
  // Validation actions (min_length, finite, integer…) are named by their type.
  const rule = issue.type.replace(/_/g, ' ');
  return issue.expected
    ? `${rule}: expected ${issue.expected}, got ${issue.received}`
    : `expected ${rule}, got ${issue.received}`;
}

const NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  Object: 'an object',
  Array: 'an array',
};

function noun(expected: string | null): string {
  if (!expected) return 'a value';
  return NOUNS[expected] ?? (expected.startsWith('(') ? `one of ${expected}` : expected);
}
