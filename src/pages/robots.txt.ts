// /robots.txt — everything may be crawled; names the sitemap (written after the build by src/integrations/sitemap.ts).
// Crawlers read robots.txt only at the host's root, so under a BASE_PATH the host's own file must name this sitemap.
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../data/url';
import { robotsTxt } from '../lib/sitemap';

export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl('/sitemap.xml')), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
