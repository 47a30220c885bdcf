// Markdown tables in guides, for phones: each body cell gets its column's heading as a data-label,
// so that the stylesheet can show a row as a block of "heading: value" lines (table.stack-narrow).
import { plainText } from './text';

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The inside of a rendered table (thead, tbody) with `data-label="<column heading>"` on every body cell; unchanged without a header row. */
export function labelTableCells(html: string): string {
  const head = html.match(/<thead[\s>][\s\S]*?<\/thead>/)?.[0];
  if (!head) return html;
  const headings = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => plainText(m[1] ?? ''));
  return html.replace(/<tbody[\s>][\s\S]*?<\/tbody>/g, (body) =>
    body.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row) => {
      let column = 0;
      return row.replace(/<(td|th)\b([^>]*)>/g, (tag, name: string, attrs: string) => {
        const heading = headings[column++];
        return heading && !/\sdata-label=/.test(attrs) ? `<${name}${attrs} data-label="${escapeAttribute(heading)}">` : tag;
      });
    }),
  );
}
