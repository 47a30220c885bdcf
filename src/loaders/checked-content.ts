// The records `astro build` checked before anything else (src/integrations/validate.ts), kept for the
// rest of the build: the pages take them from here (src/data) instead of Astro reading and parsing
// every file a second time and bundling a copy of them (src/loaders/records-loader.ts), and so do the
// study citation files written after the build. Astro loads the config's integrations and the content config as separate
// module instances, so the records are kept on globalThis under one registered symbol.
import type { Content } from './content';

const key = Symbol.for('rapport.checked-content');
type Holder = { [key]?: Content };

/** Keeps the content the build checked and found without errors. */
export function keepCheckedContent(content: Content): void {
  (globalThis as Holder)[key] = content;
}

/** The content the build checked, or undefined (in dev, in `astro sync` and `astro check`, or before the check). */
export function checkedContent(): Content | undefined {
  return (globalThis as Holder)[key];
}
