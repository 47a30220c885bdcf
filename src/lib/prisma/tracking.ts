// What a review's tracking folder (content/reviews/<id>/) holds once read: types only. The loader
// (src/loaders/tracking.ts) returns this shape and the views (review-flow, ledger) read it.
import type { BibFormat, BibRecord } from '../bibliography';
import type { Problem } from '../problem';
import type { Vote } from './screening';

/** One search-results file. */
export interface TrackedSource {
  /** Source name: the file name without extension, e.g. `pubmed`. */
  name: string;
  /** Path relative to the loader's `root` (the content folder), e.g. `reviews/demo-review/records/pubmed.nbib`. */
  file: string;
  format: BibFormat;
  /** Records read from the file. */
  records: number;
}

/** Everything in a tracking folder, parsed. */
export interface Tracking {
  /** The review folder, relative to the loader's `root` (the content folder), e.g. `reviews/demo-review`. */
  dir: string;
  /** Search-results files, by file name. */
  sources: TrackedSource[];
  /** Every record of every source, sources in file-name order. */
  records: BibRecord[];
  /** Every valid vote of screening.csv, in file order. */
  votes: Vote[];
  /** screening.csv as problems name it (relative to the loader's `problemRoot`); null when the folder has none. */
  screeningFile: string | null;
  /** Faults, each with file (relative to `problemRoot`) and line (`content/reviews/x/screening.csv:12 decision: ...`). */
  problems: Problem[];
}
