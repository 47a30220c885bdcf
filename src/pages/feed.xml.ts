// /feed.xml — Atom feed of studies added or updated, newest first (the same list as /changes/).
import type { APIRoute } from 'astro';
import { getChanges } from '../data/changes';
import { absoluteUrl } from '../data/url';
import { buildDate, dataLicense, siteAuthors, siteName } from '../data/site';
import { atomFeed } from '../lib/feed';

export const GET: APIRoute = async () =>
  new Response(
    atomFeed({
      title: `${siteName}: studies added or updated`,
      subtitle: 'Study records added to or changed in the evidence on the therapeutic relationship in e-therapy.',
      author: siteAuthors.join(', '),
      link: absoluteUrl,
      changes: await getChanges(),
      fallbackDate: buildDate,
      rights: `Data licensed under ${dataLicense.name}: ${dataLicense.url}`,
    }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
