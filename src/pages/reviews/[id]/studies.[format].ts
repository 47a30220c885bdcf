// /reviews/<id>/studies.bib, .ris, .csl.json, .csv — the studies the review includes (as on its
// page), in the formats of /data/studies.*; BibTeX keys as in /data/studies.bib.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviews } from '../../../data/reviews';
import { getStudies } from '../../../data/studies';
import { exportFormats, formatStudies, studyBibtexKeys, type ExportFormat } from '../../../lib/exports';
import { includedIn } from '../../../lib/summary';
import type { Study } from '../../../schemas';

const formats = Object.keys(exportFormats) as ExportFormat[];

export const getStaticPaths = (async () => {
  const [reviews, studies] = await Promise.all([getReviews(), getStudies()]);
  const keys = studyBibtexKeys(studies);
  return reviews.flatMap((review) =>
    formats.map((format) => ({ params: { id: review.id, format }, props: { included: includedIn(review.id, studies), format, keys } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ included: Study[]; format: ExportFormat; keys: Map<string, string> }> = ({ props }) =>
  new Response(formatStudies(props.format, props.included, props.keys), { headers: { 'Content-Type': exportFormats[props.format] } });
