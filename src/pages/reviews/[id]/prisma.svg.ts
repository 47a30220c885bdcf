// /reviews/<id>/prisma.svg — the flow diagram as a file of its own: the same flow the review page
// draws (derived from the tracked records, else as reported), boxes linking to absolute addresses.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviews } from '../../../data/reviews';
import { getReviewFlow } from '../../../data/tracking';
import { renderPrismaSvg } from '../../../lib/prisma/svg';
import type { Review } from '../../../schemas';

export const getStaticPaths = (async () =>
  (await getReviews()).map((review) => ({ params: { id: review.id }, props: { review } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ review: Review }> = async ({ props }) => {
  const { spec } = await getReviewFlow(props.review, { absolute: true });
  return new Response(renderPrismaSvg(spec, { standalone: true }), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
