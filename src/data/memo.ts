// Loads each collection once per build. Astro's getCollection copies every entry on each call,
// so a page that asked for all studies would cost O(studies) and the site O(studies²). In dev
// the records can change while the server runs, so nothing is kept there.

/** `load`, run once and shared in production builds; run every time in dev. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return load();
    cached ??= load();
    return cached;
  };
}
