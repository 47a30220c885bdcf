// The changes to the evidence, for /changes/ and /feed.xml: provenance dates, and git's when later.
import { deriveChanges, type ChangeEntry } from '../lib/changes';
import { shortCitation } from '../lib/summary';
import { contentDir } from '../loaders/content-dir';
import { studyChanges } from '../loaders/git-history';
import { once } from './memo';
import { getStudies } from './studies';

/** Every study's addition and last update, newest first (loaded once per build). */
export const getChanges: () => Promise<ChangeEntry[]> = once(async () => {
  const studies = await getStudies();
  const git = new Map([...studyChanges(contentDir())].map(([id, change]) => [id, change.date]));
  return deriveChanges(
    studies.map((s) => ({ id: s.id, title: s.title, label: shortCitation(s), added: s.provenance.added, updated: s.provenance.updated })),
    git,
  );
});
