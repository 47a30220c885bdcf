// Everything generated from the zod schemas for people and editors: the JSON Schema files in
// public/schemas/ and the field tables in CONTRIBUTING.md. `npm run schemas` writes them; a test
// regenerates them and fails when a committed copy is stale.
import type { z } from 'astro/zod';
import { guideSchema, reviewSchema, studySchema, verifications } from '../../schemas';
import { verificationLabels, verificationMeanings } from '../labels';
import { fieldRows, fieldTable, replaceGenerated } from './field-table';
import { formatJsonSchema, toJsonSchema } from './json-schema';

interface RecordKind {
  /** File stem: `public/schemas/<name>.schema.json`. */
  name: 'study' | 'review' | 'guide';
  schema: z.ZodTypeAny;
  title: string;
  description: string;
}

export const recordKinds: readonly RecordKind[] = [
  {
    name: 'study',
    schema: studySchema,
    title: 'Rapport study record',
    description: 'One study: content/studies/<id>.yaml. Generated from src/schemas/study.ts by npm run schemas.',
  },
  {
    name: 'review',
    schema: reviewSchema,
    title: 'Rapport review record',
    description: 'One systematic review: content/reviews/<id>.yaml. Generated from src/schemas/review.ts by npm run schemas.',
  },
  {
    name: 'guide',
    schema: guideSchema,
    title: 'Rapport guidance page frontmatter',
    description: 'Frontmatter of content/guides/<slug>.mdx. Generated from src/schemas/guide.ts by npm run schemas.',
  },
];

/** Path of a record kind's JSON Schema, relative to the project root. */
export const jsonSchemaPath = (name: RecordKind['name']) => `public/schemas/${name}.schema.json`;

/** The JSON Schema files, path (relative to the project root) and text. */
export function jsonSchemaFiles(): { path: string; text: string }[] {
  return recordKinds.map((k) => ({
    path: jsonSchemaPath(k.name),
    text: formatJsonSchema(toJsonSchema(k.schema, { title: k.title, description: k.description })),
  }));
}

/** Name of the generated block for a record kind's field table in CONTRIBUTING.md. */
export const fieldBlockName = (name: RecordKind['name']) => `${name} fields`;

/** The verification levels as a Markdown table, from the labels the site shows. */
export function verificationTable(): string {
  const rows = verifications.map((v) => `| \`${v}\` | ${verificationLabels[v]} | ${verificationMeanings[v]} |`);
  return ['| value | shown as | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** CONTRIBUTING.md's text with every generated block (field tables, verification levels) regenerated. */
export function contributingWithFields(text: string): string {
  const withFields = recordKinds.reduce(
    (out, k) =>
      replaceGenerated(
        out,
        fieldBlockName(k.name),
        fieldTable(fieldRows(toJsonSchema(k.schema, { title: k.title, description: k.description }))),
      ),
    text,
  );
  return replaceGenerated(withFields, 'verification levels', verificationTable());
}
