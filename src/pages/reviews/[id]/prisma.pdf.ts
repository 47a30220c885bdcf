// /reviews/<id>/prisma.pdf — the flow diagram as a one-page vector PDF (PDFKit and svg-to-pdfkit,
// no browser), from the same SVG as /reviews/<id>/prisma.svg: text selectable, boxes still links.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReviews } from '../../../data/reviews';
import { buildDate } from '../../../data/site';
import { getReviewFlow } from '../../../data/tracking';
import { absoluteUrl } from '../../../data/url';
import { renderPrismaSvg } from '../../../lib/prisma/svg';
import { renderDiagramPdf } from '../../../loaders/diagram-images';
import type { Review } from '../../../schemas';

export const getStaticPaths = (async () =>
  (await getReviews()).map((review) => ({ params: { id: review.id }, props: { review } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ review: Review }> = async ({ props }) => {
  const { review } = props;
  const { spec } = await getReviewFlow(review, { absolute: true });
  const pdf = await renderDiagramPdf(renderPrismaSvg(spec, { standalone: true }), spec, {
    title: `${spec.title}: ${review.title}`,
    subject: absoluteUrl(`/reviews/${review.id}/`),
    date: new Date(`${buildDate}T00:00:00Z`),
  });
  return new Response(pdf, { headers: { 'Content-Type': 'application/pdf' } });
};
