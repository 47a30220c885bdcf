// Test records: a plausible search result built from overrides.
import type { BibRecord } from '../../../src/lib/bibliography';
import { recordKey } from '../../../src/lib/bibliography';

let counter = 0;

/** A record with a unique title; the key follows the real rule (DOI, else pmid:<n>, else <source>-<n>). */
export function rec(overrides: Partial<BibRecord> & { position?: number } = {}): BibRecord {
  counter += 1;
  const { position = counter, ...fields } = overrides;
  const base = { source: 'pubmed', title: `Demo record number ${counter}`, year: 2010, authors: ['Example, Alice'], ...fields };
  return { key: fields.key ?? recordKey(base, base.source, position), ...base };
}
