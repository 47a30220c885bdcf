// /data/studies.json — every study record, as validated, with the release it comes from, the data
// licence and the JSON Schema each record follows (`studies` holds the records).
import type { APIRoute } from 'astro';
import { buildInfo, dataLicense } from '../../data/site';
import { getStudies } from '../../data/studies';
import { absoluteUrl } from '../../data/url';
import { studiesDataset } from '../../lib/exports';

export const GET: APIRoute = async () => {
  const dataset = studiesDataset(await getStudies(), {
    ...buildInfo,
    licence: dataLicense,
    schema: absoluteUrl('/schemas/study.schema.json'),
    url: absoluteUrl('/data/studies.json'),
  });
  return new Response(`${JSON.stringify(dataset, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
