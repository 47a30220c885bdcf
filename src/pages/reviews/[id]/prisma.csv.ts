// /reviews/<id>/prisma.csv — the flow in the PRISMA2020 R package's CSV (Haddaway et al. 2022).
// It holds the REPORTED flow, the review's published numbers, so it reads back into `flow:` of the
// review record; only a tracked review that reports no count yet gets its derived flow (getCsvFlow).
// Where reported and derived disagree, `npm run validate` fails and the review page says so.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviews } from '../../../data/reviews';
import { csvUrlFor, getCsvFlow } from '../../../data/tracking';
import { writePrismaCsv } from '../../../lib/prisma/csv';
import type { Review } from '../../../schemas';

export const getStaticPaths = (async () =>
  (await getReviews()).map((review) => ({ params: { id: review.id }, props: { review } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ review: Review }> = async ({ props }) => {
  const { review } = props;
  const { flow } = await getCsvFlow(review);
  const csv = writePrismaCsv(flow, review.exclusion_reasons, { urlFor: await csvUrlFor(review) });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
