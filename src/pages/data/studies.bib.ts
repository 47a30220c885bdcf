// /data/studies.bib — every study's primary report in BibTeX.
import type { APIRoute } from 'astro';
import { getStudies } from '../../data/studies';
import { studiesToBibtex } from '../../lib/exports';

export const GET: APIRoute = async () =>
  new Response(studiesToBibtex(await getStudies()), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
