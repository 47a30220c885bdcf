// /data/studies.ris — every study's primary report in RIS.
import type { APIRoute } from 'astro';
import { getStudies } from '../../data/studies';
import { studiesToRis } from '../../lib/exports';

export const GET: APIRoute = async () =>
  new Response(studiesToRis(await getStudies()), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
