// /data/studies.json — every study record, as validated.
import type { APIRoute } from 'astro';
import { getStudies } from '../../data/studies';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await getStudies(), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
