// The content loader of the study and review collections (src/content.config.ts). In `astro build`
// the records were already read, parsed and checked against these same schemas by the build's first
// step (src/integrations/validate.ts, npm run validate's checks), and the pages take them from there
// (src/data/studies.ts, src/data/reviews.ts): so in a build the loader stores nothing. A stored copy
// would be serialised into the server bundle and parsed back at render time, which at 10,000 studies
// cost about 5 s of bundling and 1.4 GB of memory for records already in hand. Everywhere else
// (astro dev, sync, check) it is Astro's glob loader over the same files, which also watches them.
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { checkedContent } from './checked-content';

export function recordsLoader(base: string): Loader {
  const files = glob({ pattern: '*.yaml', base });
  return {
    name: 'rapport-records',
    load: async (context) => {
      if (!checkedContent()) return files.load(context);
      context.store.clear();
    },
  };
}
