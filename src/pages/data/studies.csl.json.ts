// /data/studies.csl.json — every study's primary report in CSL-JSON (Zotero, Mendeley, Pandoc).
import type { APIRoute } from 'astro';
import { getStudies } from '../../data/studies';
import { exportFormats, studiesToCslJson } from '../../lib/exports';

export const GET: APIRoute = async () =>
  new Response(studiesToCslJson(await getStudies()), { headers: { 'Content-Type': exportFormats['csl.json'] } });
