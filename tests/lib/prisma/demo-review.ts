// The tracked fixture review (tests/fixtures/tracked/content), read from disk as the site reads it:
// the review and study records through the real schemas, the tracking folder through loadTracking,
// the flow through deriveFlow. fixture.test.ts works its numbers out by hand.
import { contentKey } from '../../../src/lib/screening/keys';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { loadTracking } from '../../../src/loaders/tracking';
import { deriveFlow, studyIndex } from '../../../src/lib/prisma/derive';
import type { TrackedReview } from '../../../src/lib/prisma/review-flow';
import { reviewSchema, studySchema } from '../../../src/schemas';

const content = path.resolve(__dirname, '../../fixtures/tracked/content');
const readYaml = (file: string) => yaml.load(fs.readFileSync(path.join(content, file), 'utf8'));

/** The demo review record (a living review: version 2, with version 1's flow in `changes`). */
export const review = reviewSchema.parse(readYaml('reviews/demo-review.yaml'));

/** Its four study records. */
export const studies = fs
  .readdirSync(path.join(content, 'studies'))
  .sort()
  .map((file) => studySchema.parse(readYaml(`studies/${file}`)));

/** Its tracking folder and derived flow, as src/data/tracking.ts hands them to the views. */
export const tracked: TrackedReview = (() => {
  const tracking = loadTracking('reviews/demo-review', { root: content, reasons: review.exclusion_reasons.map((r) => r.id) });
  if (!tracking) throw new Error('the fixture review folder is missing');
  const index = studyIndex(studies);
  return {
    tracking,
    derived: deriveFlow({ records: tracking.records, votes: tracking.votes, reasons: review.exclusion_reasons, studies: index }),
    studies: index,
  };
})();

/** The fixture's PsycINFO record with neither DOI nor PMID (once `psycinfo-7`), keyed by its content. */
export const MULLER = contentKey({ title: 'Demo évaluation of an online self-help programme', year: 2013, authors: ['Müller, Anna'] });
