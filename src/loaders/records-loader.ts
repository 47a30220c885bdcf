// The content loader of the study and review collections (src/content.config.ts). In `astro build`
// the records were already read, parsed and checked against these same schemas by the build's first
// step (src/integrations/validate.ts, npm run validate's checks), so the loader stores those records
// as they are: the files are not read and parsed twice, and the stored entries carry no copy of the
// file text (which nothing renders). Everywhere else (astro dev, sync, check) it is Astro's glob
// loader over the same files, which also watches them for changes.
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { fileStem } from '../lib/validation/cross-checks';
import { checkedContent } from './checked-content';

export function recordsLoader(collection: 'studies' | 'reviews', base: string): Loader {
  const files = glob({ pattern: '*.yaml', base });
  return {
    name: 'rapport-records',
    load: async (context) => {
      const checked = checkedContent();
      if (!checked) return files.load(context);
      context.store.clear();
      for (const record of checked[collection]) {
        const data = record.data as unknown as Record<string, unknown>;
        context.store.set({ id: fileStem(record.file), data, filePath: record.file, digest: context.generateDigest(data) });
      }
    },
  };
}
