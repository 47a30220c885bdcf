// /data/studies.csv — one row per study.
import type { APIRoute } from 'astro';
import { getStudies } from '../../data/studies';
import { studiesToCsv } from '../../lib/exports';

export const GET: APIRoute = async () =>
  new Response(studiesToCsv(await getStudies()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
