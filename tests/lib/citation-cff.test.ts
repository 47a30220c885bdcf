// CITATION.cff and LICENSE at the repository's root: valid Citation File Format 1.2.0 (checked with ajv
// against the format's own JSON Schema, tests/fixtures/cff/schema-1.2.0.json, copied from
// citation-file-format/citation-file-format at tag 1.2.0, commit 396f738), in step with package.json.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { defaultRepoUrl } from '../../src/data/site';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };
const schema = JSON.parse(read('tests/fixtures/cff/schema-1.2.0.json')) as Record<string, unknown>;
// The schema declares `date` and `uri` formats; ajv without ajv-formats cannot check them, so they are not checked here.
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

describe('CITATION.cff', () => {
  const cff = yaml.load(read('CITATION.cff')) as Record<string, unknown>;

  test('is valid CFF 1.2.0', () => {
    const ok = validate(cff);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(cff['cff-version']).toBe('1.2.0');
  });

  test('the schema refuses a file without authors (so the check can fail)', () => {
    const rest = { ...cff };
    delete rest['authors'];
    expect(validate(rest)).toBe(false);
    expect(validate.errors?.some((e) => e.params && (e.params as { missingProperty?: string }).missingProperty === 'authors')).toBe(true);
  });

  test('gives package.json’s version and licence, and the default repository address', () => {
    expect(String(cff['version'])).toBe(pkg.version);
    expect(cff['license']).toBe(pkg.license);
    expect(cff['repository-code']).toBe(defaultRepoUrl);
  });
});

describe('LICENSE', () => {
  test('is the MIT licence of the Rapport contributors, as package.json says', () => {
    const text = read('LICENSE');
    expect(pkg.license).toBe('MIT');
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Rapport contributors\n/);
    expect(text).toContain('Permission is hereby granted, free of charge');
    expect(text).toContain('CC BY 4.0');
  });
});
