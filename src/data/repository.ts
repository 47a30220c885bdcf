// Links into the public repository (REPO_URL, src/data/site.ts): a record's file, its edit page, a correction issue.
import path from 'node:path';
import { contentDir, projectRoot } from '../loaders/content-dir';
import { repoBranch, repoUrl } from './site';

/** A record file's path in the repository, e.g. `content/studies/cook-2002.yaml`. */
export function recordFilePath(folder: 'studies' | 'reviews', id: string): string {
  return path
    .relative(projectRoot(), path.join(contentDir(), folder, `${id}.yaml`))
    .split(path.sep)
    .join('/');
}

/** Where to read, edit, or report a problem with a record file. */
export function recordLinks(folder: 'studies' | 'reviews', id: string): { file: string; view: string; edit: string; issue: string } {
  const file = recordFilePath(folder, id);
  const title = encodeURIComponent(`Correction: ${file}`);
  const body = encodeURIComponent(`Record: ${file}\n\nWhat is wrong, and the source that shows it (DOI, PubMed ID or a link):\n`);
  return {
    file,
    view: `${repoUrl}/blob/${repoBranch}/${file}`,
    edit: `${repoUrl}/edit/${repoBranch}/${file}`,
    issue: `${repoUrl}/issues/new?title=${title}&body=${body}`,
  };
}
