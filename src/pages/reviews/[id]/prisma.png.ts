// /reviews/<id>/prisma.png — the flow diagram as PNG, drawn at build time from the same SVG as
// /reviews/<id>/prisma.svg (resvg, no browser), at twice its size, for journals and slides.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviews } from '../../../data/reviews';
import { getReviewFlow } from '../../../data/tracking';
import { renderPrismaSvg } from '../../../lib/prisma/svg';
import { renderDiagramPng } from '../../../loaders/diagram-images';
import type { Review } from '../../../schemas';

export const getStaticPaths = (async () =>
  (await getReviews()).map((review) => ({ params: { id: review.id }, props: { review } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ review: Review }> = async ({ props }) => {
  const { spec } = await getReviewFlow(props.review, { absolute: true });
  const png = renderDiagramPng(renderPrismaSvg(spec, { standalone: true }), { scale: 2 });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
