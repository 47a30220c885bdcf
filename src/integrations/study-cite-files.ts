// Each study's citation files, /studies/<id>/cite.bib, cite.ris and cite.csl.json
// (src/lib/study-cite-files.ts), written in one pass after the build (astro:build:done) from the
// records the build's own check read (src/integrations/validate.ts). As an Astro route they were
// three renders per study and cost the build as much as the study pages. In dev a middleware
// serves the same text at the same addresses, read again after a content file changes.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Study } from '../schemas';
import { studyCitationFile, studyCitationFiles } from '../lib/study-cite-files';
import { loadContent } from '../loaders/content';
import { contentDir } from '../loaders/content-dir';
import { checkedContent } from '../loaders/checked-content';

/** The valid study records: those the build's check read, else read now; and which. */
function studyRecords(): { studies: Study[]; source: string } {
  const checked = checkedContent();
  const content = checked ?? loadContent(contentDir());
  return { studies: content.studies.map((s) => s.data), source: checked ? 'the records the build checked' : 'the records read again' };
}

/** The site path of a request under `base` (`/rapport/studies/x/cite.bib` -> `/studies/x/cite.bib`), or undefined outside it. */
function sitePathOf(url: string | undefined, base: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!prefix) return pathname;
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

/** Writes the files under `out`, pausing every few hundred so the event loop keeps moving (Pagefind,
 *  indexing in its own process meanwhile, waits on it between its steps: src/integrations/pagefind.ts);
 *  how many were written. Plain synchronous writes: on two cores, with Pagefind busy, asynchronous
 *  ones were several times slower. */
async function writeFiles(out: string, files: Iterable<{ path: string; body: string }>): Promise<number> {
  const made = new Set<string>();
  let written = 0;
  for (const file of files) {
    const target = path.join(out, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    fs.writeFileSync(target, file.body);
    if (++written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return written;
}

export default function studyCiteFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'rapport-study-cite-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { studies, source } = studyRecords();
        const written = await writeFiles(fileURLToPath(dir), studyCitationFiles(studies));
        logger.info(`wrote ${written} study citation files from ${source} in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:server:setup': ({ server }) => {
        const dir = contentDir();
        let studies: Study[] | undefined;
        server.watcher.on('all', (_event, file) => {
          if (path.resolve(file).startsWith(dir + path.sep)) studies = undefined;
        });
        server.middlewares.use((req, res, next) => {
          const sitePath = sitePathOf(req.url, base);
          // A quick test first, so no other request reads the records.
          if (!sitePath || !/^\/studies\/[^/]+\/cite\./.test(sitePath)) return next();
          studies ??= loadContent(dir).studies.map((s) => s.data);
          const file = studyCitationFile(studies, sitePath);
          if (!file) return next();
          res.setHeader('Content-Type', file.contentType);
          res.end(file.body);
        });
      },
    },
  };
}
