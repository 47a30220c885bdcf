// The generated JSON Schema files and CONTRIBUTING.md field tables match the zod schemas, and
// the JSON Schema accepts what `npm run validate` accepts (as the YAML language server sees it).
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { fieldRows } from '../../src/lib/validation/field-table';
import { toJsonSchema } from '../../src/lib/validation/json-schema';
import { contributingWithFields, jsonSchemaFiles, recordKinds } from '../../src/lib/validation/schema-docs';
import { studyInput } from '../helpers/factories';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

describe('npm run schemas output is up to date', () => {
  test.each(jsonSchemaFiles())('$path matches the zod schema (run npm run schemas if not)', ({ path: file, text }) => {
    expect(read(file)).toBe(text);
  });

  test('CONTRIBUTING.md field tables and verification levels match the schema (run npm run schemas if not)', () => {
    const text = read('CONTRIBUTING.md');
    expect(contributingWithFields(text)).toBe(text);
  });

  test.each(recordKinds.map((k) => [k.name, k]))('every %s field has a description', (_, kind) => {
    const rows = fieldRows(toJsonSchema(kind.schema, kind));
    expect(rows.filter((r) => !r.description).map((r) => r.path)).toEqual([]);
  });
});

describe('the JSON Schema agrees with the validator', () => {
  // yaml-language-server validates with ajv and reads YAML 1.2 (dates stay text): do the same.
  const ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: true } });
  const validate = Object.fromEntries(
    jsonSchemaFiles().map((f) => [path.basename(f.path, '.schema.json'), ajv.compile(JSON.parse(f.text) as object)]),
  );

  const records = (dir: string) =>
    fs
      .readdirSync(path.join(root, 'content', dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, parseYaml(read(`content/${dir}/${f}`)) as unknown] as const);

  test.each(records('studies'))('accepts the real study record %s', (_, data) => {
    expect(validate['study']!(data), JSON.stringify(validate['study']!.errors)).toBe(true);
  });

  test.each(records('reviews'))('accepts the real review record %s', (_, data) => {
    expect(validate['review']!(data), JSON.stringify(validate['review']!.errors)).toBe(true);
  });

  test('accepts numbers where the schema keeps them as text (volume: 14, pmid: 20528290)', () => {
    expect(validate['study']!({ ...studyInput(), volume: 14, issue: 2, pmid: 20528290 })).toBe(true);
  });

  test.each([
    ['a misspelt field', { modalty: ['email'] }, 'additionalProperties'],
    ['a value outside a vocabulary', { design: 'rtc' }, 'enum'],
    ['a DOI written as a URL', { doi: 'https://doi.org/10.1000/x' }, 'pattern'],
    ['an author without a comma', { authors: ['Jane Doe'] }, 'pattern'],
  ])('rejects %s, as validate does', (_, overrides, keyword) => {
    expect(validate['study']!({ ...studyInput(), ...overrides })).toBe(false);
    expect(validate['study']!.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  test('shows descriptions to editors, in Markdown too', () => {
    const study = JSON.parse(read('public/schemas/study.schema.json')) as {
      properties: Record<string, { description?: string; markdownDescription?: string }>;
    };
    expect(study.properties['sample_size']).toMatchObject({
      description: 'Participants analysed; null when not reported.',
      markdownDescription: 'Participants analysed; null when not reported.',
    });
  });
});
