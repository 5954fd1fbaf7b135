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
/** A BCP 47 tag, as a language map's keys and `messages` name languages: `km`, `fr-CA`, `zh-Hant`. */
const language = { pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$' } as const;
/**
 * Words the organisation wrote: one string, in the document's language (`study.locale`), or a
 * language map of its own texts, `{"en": "…", "km": "…"}`. Plain JSON Schema: a string's keywords
 * and an object's apply each to its own type only.
 */
const local = {
  type: ['string', 'object'],
  minLength: 1,
  minProperties: 1,
  propertyNames: language,
  additionalProperties: text,
} as const;
const number = { type: 'number' } as const;
const currency = { type: 'string', minLength: 3, maxLength: 3 } as const;
/** A link target. Schemes are checked where a link is rendered, so a bad one drops the link, not the document. */
const link = { type: 'string' } as const;
const source = {
  type: 'object',
  properties: { label: local, url: link },
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
        title: local,
        publisher: local,
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
          label: local,
          context: local,
          /**
           * The figure as the study writes it, shown instead of the formatted value: in the
           * languages it is given in only, so a figure written in Khmer digits alone leaves every
           * other language's card its formatted value.
           */
          figure: { ...local, partial: true },
          baseline: {
            type: 'object',
            required: ['value', 'label'],
            properties: { value: number, label: local },
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
        properties: { id: text, text: local, author: local, role: local, date: local, source },
      },
    },
    ctas: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'heading', 'body', 'button'],
        properties: {
          id: text,
          heading: local,
          body: local,
          button: {
            type: 'object',
            required: ['label'],
            properties: { label: local, href: link },
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
              consent: local,
              privacyUrl: link,
              contact: {
                type: 'object',
                required: ['url'],
                properties: { label: local, url: link },
              },
              success: local,
              guide: {
                type: 'object',
                required: ['label'],
                properties: { label: local, url: link },
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
    /**
     * The elements' own words per language, for languages they have none of (or to reword
     * theirs): `{"km": {"impact-stat": {"source": "…"}}}`. Each element checks its own keys, and
     * the build lists them in dist/study.schema.json for editors.
     */
    messages: {
      type: 'object',
      propertyNames: language,
      additionalProperties: {
        type: 'object',
        additionalProperties: { type: 'object', additionalProperties: text },
      },
    },
  },
} as const;

/** The subset of JSON Schema the document uses, and all that the validator understands. */
type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
export interface JsonSchema {
  /** Several types: each keyword below applies to the values of its own type only. */
  type?: JsonType | readonly JsonType[];
  properties?: Readonly<Record<string, JsonSchema>>;
  /** The schema of an object's keys that `properties` does not name. */
  additionalProperties?: JsonSchema;
  minProperties?: number;
  propertyNames?: { pattern: string };
  /**
   * A language map that need not have every language a card speaks: a language it lacks leaves
   * the field out of that card, instead of choosing the card's language (languages.ts).
   */
  partial?: boolean;
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

/** One text the organisation wrote, in the document's language or as a language map. */
export type LocalText = string | Readonly<Record<string, string>>;

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
              : S extends { type: readonly ['string', 'object'] }
                ? LocalText
                : S extends { type: 'object'; additionalProperties: infer A }
                  ? Readonly<Record<string, Infer<A>>>
                  : never;
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * A value as a card shows it, in one language: each language map replaced by one of its texts
 * (see languages.ts). Every object of the document holds a text or a figure, so none is mistaken
 * for a language map.
 */
export type Localized<T> = T extends string
  ? T
  : T extends readonly (infer E)[]
    ? Localized<E>[]
    : T extends Readonly<Record<string, string>>
      ? string
      : T extends object
        ? { [K in keyof T]: Localized<T[K]> }
        : T;

/** The document as written, each text a string or a language map. */
export type StudyDocument = Infer<typeof studyDocumentSchema>;
/** A document whose texts are all plain strings, in its own language (such as the embedded one). */
export type PlainStudyDocument = Localized<Omit<StudyDocument, 'messages'>>;
export type Study = Localized<StudyDocument['study']>;
export type Stat = Localized<StudyDocument['stats'][number]>;
export type Quote = Localized<StudyDocument['quotes'][number]>;
export type Cta = Localized<StudyDocument['ctas'][number]>;
export type StatFormat = Stat['format'];

/** The three lists of items an element can take its content from. */
export type ItemKind = 'stats' | 'quotes' | 'ctas';
/** An item as the document writes it. */
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
  let type = schema.type;
  if (Array.isArray(type)) {
    const own = value === null || Array.isArray(value) ? 'array' : typeof value;
    type = type.find((candidate) => candidate === own);
    if (!type) return fail('a string or a language map');
  }
  switch (type) {
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
      const keys = Object.keys(record);
      if (keys.length < (schema.minProperties ?? 0)) return fail('a language map with a text');
      for (const key of keys) {
        const name = schema.propertyNames && !new RegExp(schema.propertyNames.pattern).test(key);
        if (name) return `${path ? `${path}.` : ''}${key}: not a language tag (BCP 47)`;
        const other = schema.additionalProperties;
        const problem =
          other && !schema.properties?.[key] && check(other, record[key], `${path}.${key}`);
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
