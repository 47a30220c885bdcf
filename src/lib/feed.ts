// The Atom feed (RFC 4287) of changes to the evidence, and the XML escaping it and the sitemap share.
import type { ChangeEntry } from './changes';
import type { SiteLink } from './paths';

/** Text safe in XML character data and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An RFC 3339 timestamp for a YYYY-MM-DD day (midnight UTC). */
export const atomDate = (day: string) => `${day}T00:00:00Z`;

/** What the feed is about. */
export interface FeedInput {
  /** The feed's title. */
  title: string;
  /** One sentence on what it lists. */
  subtitle: string;
  /** The author of every entry (a group name). */
  author: string;
  /** Absolute address of a site path (src/data/url.ts absoluteUrl). */
  link: SiteLink;
  /** Newest first, as deriveChanges returns them. */
  changes: readonly ChangeEntry[];
  /** When nothing has changed yet, the feed's `updated` (YYYY-MM-DD), e.g. the build date. */
  fallbackDate: string;
  /** The data licence's address, as the feed's `rights`. */
  rights: string;
  /** At most this many entries (the newest). */
  limit?: number;
}

/** The entry's permanent id: the study page's address with the change as its fragment. */
const entryId = (link: SiteLink, c: ChangeEntry) => `${link(`/studies/${c.studyId}/`)}#${c.kind}-${c.date}`;

/** The Atom 1.0 document: feed id, title, updated, author, self and alternate links; one entry per
 *  change with a permanent id, a title that says added or updated, the study page as its link, and a summary. */
export function atomFeed(f: FeedInput): string {
  const changes = f.changes.slice(0, f.limit ?? 50);
  const updated = atomDate(changes[0]?.date ?? f.fallbackDate);
  const entries = changes.map((c) => {
    const verb = c.kind === 'added' ? 'Added' : 'Updated';
    const summary =
      c.kind === 'added'
        ? `The study record for ${c.label}, “${c.title}”, was added.`
        : `The study record for ${c.label}, “${c.title}”, was updated${c.source === 'git' ? ' (date from the repository’s history)' : ''}.`;
    return [
      '  <entry>',
      `    <id>${escapeXml(entryId(f.link, c))}</id>`,
      `    <title>${escapeXml(`${verb}: ${c.label}: ${c.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(f.link(`/studies/${c.studyId}/`))}"/>`,
      `    <updated>${atomDate(c.date)}</updated>`,
      `    <category term="${c.kind}" label="${verb}"/>`,
      `    <summary type="text">${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${escapeXml(f.link('/feed.xml'))}</id>`,
    `  <title>${escapeXml(f.title)}</title>`,
    `  <subtitle>${escapeXml(f.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(f.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(f.link('/feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(f.link('/changes/'))}"/>`,
    `  <rights>${escapeXml(f.rights)}</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
