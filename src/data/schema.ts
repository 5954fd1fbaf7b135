/**
 * The study document: one JSON file describes one study, its headline stats, its quotes and its
 * calls to action.
 *
 * The schema below is the single source of truth. It is plain JSON Schema, so the build writes it
 * out as `dist/study.schema.json` for partners' editors, with the notes of schema-notes.ts as
 * descriptions; the TypeScript types are inferred from it; and `validateStudyDocument` interprets
 * the small subset of JSON Schema it uses. (A general validator library cost five times the
 * bytes of this one for the same checks.)
 *
 * Unknown keys are accepted, so a document written for a later version still loads in this one.
 */

const text = { type: 'string', minLength: 1 } as const;
const number = { type: 'number' } as const;
const currency = { type: 'string', minLength: 3, maxLength: 3 } as const;
/** A link target. Schemes are checked where a link is rendered, so a bad one drops the link, not the document. */
const link = { type: 'string' } as const;
const source = {
  type: 'object',
  properties: { label: text, url: link },
  required: ['label'],
} as const;
/** A stat's source may be one the study only cites, which changes how its card credits it. */
const statSource = {
  type: 'object',
  properties: {
    ...source.properties,
    cited: { type: 'boolean' },
  },
  required: ['label'],
} as const;

export const studyDocumentSchema = {
  type: 'object',
  required: ['version', 'study', 'stats', 'quotes', 'ctas'],
  properties: {
    version: { const: 1 },
    study: {
      type: 'object',
      required: ['id', 'title', 'publisher', 'year'],
      properties: {
        id: text,
        title: text,
        publisher: text,
        year: { type: 'integer' },
        url: link,
        locale: text,
      },
    },
    stats: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'value', 'format', 'label'],
        properties: {
          id: text,
          value: number,
          format: { enum: ['percent', 'number', 'compact', 'currency'] },
          currency,
          decimals: { type: 'integer', minimum: 0, maximum: 20 },
          label: text,
          context: text,
          baseline: {
            type: 'object',
            required: ['value', 'label'],
            properties: { value: number, label: text },
          },
          source: statSource,
        },
      },
    },
    quotes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'text', 'author'],
        properties: { id: text, text, author: text, role: text, date: text, source },
      },
    },
    ctas: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'heading', 'body', 'button'],
        properties: {
          id: text,
          heading: text,
          body: text,
          button: {
            type: 'object',
            required: ['label'],
            properties: { label: text, href: link },
          },
          signup: {
            type: 'object',
            required: ['success'],
            properties: {
              endpoint: link,
              encoding: { enum: ['json', 'form'] },
              provider: text,
              fields: text,
              formName: text,
              consent: text,
              privacyUrl: link,
              contact: {
                type: 'object',
                required: ['url'],
                properties: { label: text, url: link },
              },
              success: text,
              guide: {
                type: 'object',
                required: ['label'],
                properties: { label: text, url: link },
              },
            },
          },
          progress: {
            type: 'object',
            required: ['raised', 'goal', 'currency'],
            properties: { raised: number, goal: { type: 'number', exclusiveMinimum: 0 }, currency },
          },
        },
      },
    },
  },
} as const;

/** The subset of JSON Schema the document uses, and all that the validator understands. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  items?: JsonSchema;
  enum?: readonly string[];
  const?: number | string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  description?: string;
}

/** The TypeScript type a schema describes. */
export type Infer<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { type: 'string' }
      ? string
      : S extends { type: 'number' | 'integer' }
        ? number
        : S extends { type: 'boolean' }
          ? boolean
          : S extends { type: 'array'; items: infer I }
            ? Infer<I>[]
            : S extends { type: 'object'; properties: infer P; required: readonly (infer R)[] }
              ? Flatten<
                  { [K in keyof P as K extends R ? K : never]: Infer<P[K]> } & {
                    [K in keyof P as K extends R ? never : K]?: Infer<P[K]>;
                  }
                >
              : never;
type Flatten<T> = { [K in keyof T]: T[K] };

export type StudyDocument = Infer<typeof studyDocumentSchema>;
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
  const problem = check(studyDocumentSchema, input, '');
  return problem === undefined
    ? { ok: true, document: input as StudyDocument }
    : { ok: false, message: problem };
}

function check(schema: JsonSchema, value: unknown, path: string): string | undefined {
  const fail = (expected: string) =>
    `${path || 'document'}: expected ${expected}, got ${show(value)}`;
  if (schema.const !== undefined)
    return value === schema.const ? undefined : fail(show(schema.const));
  if (schema.enum) {
    return schema.enum.includes(value as string)
      ? undefined
      : fail(`one of ${schema.enum.map(show).join(', ')}`);
  }
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return fail('a string');
      if (value.length < (schema.minLength ?? 0)) return fail('a non-empty string');
      if (value.length > (schema.maxLength ?? Infinity)) {
        return fail(`at most ${schema.maxLength} characters`);
      }
      return undefined;
    }
    case 'number':
    case 'integer': {
      // JSON.parse turns 1e999 into Infinity, which no figure can be.
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('a number');
      if (schema.type === 'integer' && !Number.isInteger(value)) return fail('a whole number');
      if (value < (schema.minimum ?? -Infinity))
        return fail(`a number of at least ${schema.minimum}`);
      if (value > (schema.maximum ?? Infinity))
        return fail(`a number of at most ${schema.maximum}`);
      if (value <= (schema.exclusiveMinimum ?? -Infinity)) {
        return fail(`a number over ${schema.exclusiveMinimum}`);
      }
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail('true or false');
    case 'array': {
      if (!Array.isArray(value)) return fail('an array');
      for (let i = 0; i < value.length; i++) {
        const problem = check(schema.items!, value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail('an object');
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) {
        if (!Object.hasOwn(record, key))
          return `${path ? `${path}.` : ''}${key}: required, but missing`;
      }
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!Object.hasOwn(record, key)) continue;
        const problem = check(child, record[key], path ? `${path}.${key}` : key);
        if (problem) return problem;
      }
      return undefined;
    }
  }
  return undefined;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}
