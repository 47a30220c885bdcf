// Test records: a plausible search result built from overrides.
import type { BibRecord } from '../../../src/lib/bibliography';
import { positionalKey, recordKey } from '../../../src/lib/bibliography';
import { isContentKey } from '../../../src/lib/screening/keys';

let counter = 0;

/** A record with a unique title; the key follows the real rule (DOI, else pmid:<n>, else its content key, with its old positional key kept). */
export function rec(overrides: Partial<BibRecord> & { position?: number } = {}): BibRecord {
  counter += 1;
  const { position = counter, ...fields } = overrides;
  const base = { source: 'pubmed', title: `Demo record number ${counter}`, year: 2010, authors: ['Example, Alice'], ...fields };
  const key = fields.key ?? recordKey(base);
  return { key, ...(isContentKey(key) ? { positionKey: positionalKey(base.source, position) } : {}), ...base };
}
