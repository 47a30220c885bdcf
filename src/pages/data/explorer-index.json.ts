// /data/explorer-index.json — the study explorer's facet index (src/lib/facet-index.ts): every
// study's row, facet values and sort keys, so that filtering runs in the browser without search requests.
import type { APIRoute } from 'astro';
import { getStudies } from '../../data/studies';
import { buildFacetIndex } from '../../lib/facet-index';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildFacetIndex(await getStudies())), { headers: { 'Content-Type': 'application/json' } });
