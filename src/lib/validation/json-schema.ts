// JSON Schema files generated from the zod schemas (src/schemas), so editors with the YAML
// language server complete and check record fields, with the same descriptions as CONTRIBUTING.md.
import type { z } from 'astro/zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

/** A JSON Schema (draft-07) object, loosely typed. */
export type JsonSchema = { [key: string]: unknown };

/** True for a preprocess step that turns a number into text (YAML `volume: 14` is kept as "14"). */
function acceptsNumberAsText(def: {
  typeName?: string;
  effect?: { type: string; transform?: (v: unknown, ctx: unknown) => unknown };
}): boolean {
  if (def.typeName !== 'ZodEffects' || def.effect?.type !== 'preprocess' || !def.effect.transform) return false;
  try {
    return typeof def.effect.transform(1, { addIssue: () => undefined, path: [] }) === 'string';
  } catch {
    return false;
  }
}

/**
 * The JSON Schema of a record schema: strict objects (no unknown keys), enums, patterns and the
 * fields' descriptions. A field that the schema accepts as a number and keeps as text (volume,
 * issue, pmid…) accepts numbers here too, so the editor and `npm run validate` agree.
 */
export function toJsonSchema(schema: z.ZodTypeAny, meta: { title: string; description: string }): JsonSchema {
  const body = zodToJsonSchema(schema, {
    $refStrategy: 'none',
    target: 'jsonSchema7',
    effectStrategy: 'input',
    markdownDescription: true,
    postProcess: (json, def) => {
      if (json && acceptsNumberAsText(def as never) && (json as JsonSchema)['type'] === 'string')
        return { ...json, type: ['string', 'number'] } as typeof json;
      return json;
    },
  }) as JsonSchema;
  const { $schema, ...rest } = body;
  return { $schema, title: meta.title, description: meta.description, ...rest };
}

/** The file text of a JSON Schema: two-space indentation and a final newline. */
export const formatJsonSchema = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;
