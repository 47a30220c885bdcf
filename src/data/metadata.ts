// Page metadata that needs the site's facts: the datasets' JSON-LD (home page and each review page).
import { dataFormats, datasetLd, type JsonLd } from '../lib/metadata';
import { doiUrl } from '../lib/citation';
import type { Review } from '../schemas';
import { absoluteUrl } from './url';
import { buildDate, buildInfo, dataLicense, siteAuthors, siteName } from './site';

/** The export files of the whole dataset (/data/studies.*), with their media types. */
const exportFiles = () => dataFormats.map((f) => ({ url: absoluteUrl(`/data/studies.${f.ext}`), encodingFormat: f.encodingFormat }));

/** The dataset of every study record, for the home page. */
export function siteDatasetLd(description: string): JsonLd {
  return datasetLd({
    name: `${siteName}: study records on the therapeutic relationship in e-therapy`,
    description,
    url: absoluteUrl('/'),
    version: buildInfo.commit ? `${buildInfo.version}+${buildInfo.commit}` : buildInfo.version,
    license: dataLicense.url,
    creator: siteAuthors.join(', '),
    dateModified: buildDate,
    files: exportFiles(),
  });
}

/** The dataset behind one review's page: its question, the review it is based on, the same export files. */
export function reviewDatasetLd(review: Review): JsonLd {
  return datasetLd({
    name: `Study records of the review “${review.title}”`,
    description: review.question,
    url: absoluteUrl(`/reviews/${review.id}/`),
    version: buildInfo.commit ? `${buildInfo.version}+${buildInfo.commit}` : buildInfo.version,
    license: dataLicense.url,
    creator: siteAuthors.join(', '),
    dateModified: buildDate,
    files: exportFiles(),
    ...(review.citation.doi ? { isBasedOn: doiUrl(review.citation.doi) } : {}),
  });
}
