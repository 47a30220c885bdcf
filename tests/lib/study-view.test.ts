// Readable names of field paths, for a study page's list of unconfirmed facts.
import { expect, test } from 'vitest';
import { fieldName } from '../../src/lib/study-view';

test.each([
  ['sample_size', 'sample size'],
  ['alliance.measures[1].rater', 'who rated the alliance (measure 2)'],
  ['synthesis.searched_to', 'when its searches ended'],
  ['synthesis.pooled[0].k', 'number of studies pooled (pooled estimate 1)'],
  ['synthesis.pooled[1]', 'pooled estimate 2'],
  ['some_new.field', 'some new field'],
])('names the field path %s "%s"', (path, name) => {
  expect(fieldName(path)).toBe(name);
});
