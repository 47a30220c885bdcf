// What the tagged-line formats (RIS, MEDLINE, Web of Science) have in common: an entry is a map from
// two- to four-letter tags to their values, read line by line.

/** One entry of a tagged file while it is read. */
export interface TaggedEntry {
  /** 1-based position in the file. */
  index: number;
  /** Line the entry starts on. */
  line: number;
  /** Tag -> its values, in file order. */
  tags: Map<string, string[]>;
  /** The entry's end tag was seen. */
  closed: boolean;
}

/** The first non-blank value of the first of `tags` that has one. */
export function firstTag(entry: TaggedEntry, ...tags: string[]): string | undefined {
  for (const tag of tags) {
    const value = entry.tags.get(tag)?.[0];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}
