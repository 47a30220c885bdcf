// Which files of a content folder are records, and which are not. The build reads
// `studies/*.yaml`, `reviews/*.yaml` and `guides/*.mdx` (src/content.config.ts) and each review's
// tracking folder `reviews/<id>/` (records/ and screening.csv); every other file would be skipped
// without a word, so each is reported by name with what to do about it.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../lib/problem';

/** The record files of a content folder (absolute paths, sorted) and the problems with everything else in it. */
export interface ContentFiles {
  studies: string[];
  reviews: string[];
  guides: string[];
  problems: Problem[];
}

/** The content folders, with the extension of the records each holds and what they are called. */
const folders = {
  studies: { extension: '.yaml', what: 'study record', pattern: 'studies/<id>.yaml' },
  reviews: { extension: '.yaml', what: 'review record', pattern: 'reviews/<id>.yaml' },
  guides: { extension: '.mdx', what: 'guidance page', pattern: 'guides/<slug>.mdx' },
} as const;
type Folder = keyof typeof folders;

const entries = (dir: string): fs.Dirent[] =>
  fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The extension of a file name, `.yaml` for `doe-2010.yaml`, `''` for none. */
const extensionOf = (name: string) => path.extname(name);
const stemOf = (name: string) => name.slice(0, name.length - extensionOf(name).length);

/** Why a file in `folder` is not read, and what to do, for a name that is not a record of that folder. */
function wrongFileMessage(folder: Folder, name: string): string {
  const { extension, what, pattern } = folders[folder];
  const ext = extensionOf(name);
  const lower = ext.toLowerCase();
  const sameKind = extension === '.yaml' ? ['.yaml', '.yml'] : ['.mdx', '.md'];
  if (sameKind.includes(lower))
    return `has the extension "${ext}", which the build does not read: rename it to ${stemOf(name)}${extension} (every ${what} is ${pattern})`;
  if (lower === '.mdx' || lower === '.md')
    return `is a guidance page, but guides are read only from guides/: move it to guides/${stemOf(name)}.mdx`;
  if (lower === '.yaml' || lower === '.yml')
    return `is a YAML file, but ${folder}/ holds only ${pattern} files: move a study to studies/ and a review to reviews/`;
  return `is not a ${what} (${folder}/ holds only ${pattern} files), so the build skips it: move it out of the content folder or delete it`;
}

/** A problem for an entry that is neither a regular file nor a folder the loaders read: hidden, linked or of another kind. */
function oddEntryMessage(entry: fs.Dirent): string | undefined {
  if (entry.name.startsWith('.'))
    return `is a hidden file (its name starts with "."), which the build skips: rename it without the leading "." if it is a record, or delete it`;
  if (entry.isSymbolicLink())
    return 'is a symbolic link, which Rapport does not follow (validate and the build would disagree about it): put the file itself here instead of a link';
  if (!entry.isFile() && !entry.isDirectory()) return 'is not a regular file: remove it from the content folder';
  return undefined;
}

/** Files and folders in a review's tracking folder other than records/*.* and screening.csv. */
function checkTrackingFolder(dir: string, name: string, rel: (abs: string) => string, problems: Problem[]): void {
  const error = (abs: string, message: string) => problems.push({ file: rel(abs), path: '', message, severity: 'error' });
  for (const entry of entries(dir)) {
    const abs = path.join(dir, entry.name);
    const odd = oddEntryMessage(entry);
    if (odd) error(abs, odd);
    else if (entry.name === 'records' && entry.isDirectory()) {
      for (const file of entries(abs)) {
        const inner = path.join(abs, file.name);
        const oddFile = oddEntryMessage(file);
        if (oddFile) error(inner, oddFile);
        else if (file.isDirectory())
          error(
            inner,
            `is a folder inside records/: search results are read only from files directly in reviews/${name}/records/; move them up`,
          );
        // Regular files of a format Rapport does not read are reported by the tracking loader.
      }
    } else if (entry.name === 'screening.csv' && entry.isFile()) continue;
    else if (entry.name === 'screening' && entry.isDirectory()) {
      // One vote file per reviewer (screening/<reviewer>.csv), and the workspace's notes beside them.
      for (const file of entries(abs)) {
        const inner = path.join(abs, file.name);
        const oddFile = oddEntryMessage(file);
        if (oddFile) error(inner, oddFile);
        else if (!file.isFile() || !/^[a-z][a-z0-9-]{0,39}(\.notes)?\.csv$/.test(file.name))
          error(
            inner,
            `is not a screening file: reviews/${name}/screening/ holds <reviewer>.csv (and <reviewer>.notes.csv), one per reviewer, named in lower case`,
          );
      }
    } else
      error(
        abs,
        `is not a tracking file Rapport reads: a review's folder reviews/${name}/ holds records/<source>.ris|.bib|.nbib|.json, screening.csv and screening/<reviewer>.csv; move it out of the content folder or delete it`,
      );
  }
}

/** Lists the record files of `contentDir` and reports every other file in it; paths in problems go through `rel`. */
export function listContentFiles(contentDir: string, rel: (abs: string) => string): ContentFiles {
  const found: ContentFiles = { studies: [], reviews: [], guides: [], problems: [] };
  const error = (abs: string, message: string) => found.problems.push({ file: rel(abs), path: '', message, severity: 'error' });
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) return found;

  for (const top of entries(contentDir)) {
    const abs = path.join(contentDir, top.name);
    // The folder's own housekeeping (.git of a dataset kept in its own repository, .DS_Store) and a README are not content.
    if (top.name.startsWith('.') || /^readme(\.\w+)?$/i.test(top.name)) continue;
    if (Object.hasOwn(folders, top.name) && top.isDirectory()) continue;
    if (Object.hasOwn(folders, top.name) && top.isSymbolicLink()) error(abs, oddEntryMessage(top)!);
    else if (top.isDirectory())
      error(abs, 'is not a content folder the build reads (it reads studies/, reviews/ and guides/): move its files into one of them');
    else {
      const lower = extensionOf(top.name).toLowerCase();
      const hint =
        lower === '.mdx' || lower === '.md'
          ? `move it to guides/${stemOf(top.name)}.mdx`
          : lower === '.yaml' || lower === '.yml'
            ? `move a study to studies/${stemOf(top.name)}.yaml, a review to reviews/${stemOf(top.name)}.yaml`
            : 'move it out of the content folder or delete it';
      error(abs, `is not in a folder the build reads (studies/, reviews/ or guides/), so it is skipped: ${hint}`);
    }
  }

  for (const folder of Object.keys(folders) as Folder[]) {
    const dir = path.join(contentDir, folder);
    if (!fs.existsSync(dir) || !fs.lstatSync(dir).isDirectory()) continue;
    const listed = entries(dir);
    const reviewIds = new Set(listed.filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => stemOf(e.name)));
    for (const entry of listed) {
      const abs = path.join(dir, entry.name);
      const odd = oddEntryMessage(entry);
      if (odd) error(abs, odd);
      else if (entry.isDirectory()) {
        if (folder !== 'reviews')
          error(
            abs,
            `is a folder inside ${folder}/: the build reads only files directly in ${folder}/; move its files up, one ${folders[folder].pattern} each`,
          );
        else if (!reviewIds.has(entry.name))
          error(
            abs,
            `is the tracking folder of a review "${entry.name}", but there is no review record reviews/${entry.name}.yaml: add the record, or remove the folder`,
          );
        else checkTrackingFolder(abs, entry.name, rel, found.problems);
      } else if (entry.name.endsWith(folders[folder].extension)) found[folder].push(abs);
      else error(abs, wrongFileMessage(folder, entry.name));
    }
  }
  return found;
}
