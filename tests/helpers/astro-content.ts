// A stand-in for Astro's virtual module `astro:content`, so the data layer (src/data) can be
// tested without a build, as Starlight's tests do. vitest.config.ts aliases `astro:content` here;
// a test fills the collections with `setCollection` and the data layer reads them back.
const collections = new Map<string, unknown[]>();

/** Sets the entries `getCollection(name)` returns, e.g. `[{ id, data, filePath }]`. */
export function setCollection(name: string, entries: unknown[]): void {
  collections.set(name, entries);
}

/** Empties every collection. */
export function clearCollections(): void {
  collections.clear();
}

/** Like Astro's: a copy of the entries of one collection. */
export async function getCollection(name: string): Promise<unknown[]> {
  return [...(collections.get(name) ?? [])];
}

/** Like Astro's render(): nothing to render, no headings. */
export async function render(): Promise<{ Content: () => null; headings: [] }> {
  return { Content: () => null, headings: [] };
}

/** Astro's entry type, loosely: tests build entries by hand. */
export type CollectionEntry<_T extends string> = { id: string; data: never; filePath?: string; body?: string };
