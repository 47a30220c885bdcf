// Reading a built page in tests: entities decoded, the PRISMA diagram's inline SVG and its boxes'
// text, table rows, and the records ledger's sections (tests/site/tracked.test.ts, other-methods.test.ts).

/** The text of HTML with its entities decoded. */
export const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The inline SVG of a page. */
export const svgOf = (html: string) => html.match(/<svg viewBox="[^"]*"[^>]*class="prisma-svg"[\s\S]*?<\/svg>/)?.[0] ?? '';

/** A box's text, lines joined by spaces: "Records screened (n = 25)". */
export const boxText = (svg: string, box: string) =>
  decode(
    (svg.match(new RegExp(`<(?:a|g) [^>]*data-box="${box}"[^>]*>(.*?)</(?:a|g)>`))?.[1] ?? '')
      .replace(/<\/tspan>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .trim(),
  );

/** The text of an HTML fragment: inline tags removed, other tags read as spaces, whitespace collapsed. */
export const textOf = (html: string) =>
  decode(
    html
      .replace(/<\/?(?:a|code|strong|em|span)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** Body rows of every table in an HTML fragment. */
export const bodyRows = (html: string) =>
  [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((m) => m[1]?.match(/<tr[\s>][\s\S]*?<\/tr>/g) ?? []);

/** Ledger sections by id: their declared count and their body rows. */
export function ledger(html: string): Map<string, { count: number; rows: string[]; html: string }> {
  const sections = new Map<string, { count: number; rows: string[]; html: string }>();
  for (const m of html.matchAll(/<section class="ledger-section" aria-labelledby="([^"]+)" data-count="(\d+)">([\s\S]*?)<\/section>/g)) {
    sections.set(m[1] ?? '', { count: Number(m[2]), rows: bodyRows(m[3] ?? ''), html: m[3] ?? '' });
  }
  return sections;
}
