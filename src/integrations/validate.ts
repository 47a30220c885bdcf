// Runs `npm run validate`'s checks (src/loaders/check-content.ts, the same module) before Astro's
// own content loaders: `astro build` (and so `npm start`) prints every fault as validate does,
// `file:line field: sentence`, and stops with exit code 1 and no stack trace; `astro dev` prints
// them before serving, and again whenever a content file changes.
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { escapeText } from '../lib/problem';
import { checkContent, type ContentReport } from '../loaders/check-content';
import { contentDir } from '../loaders/content-dir';
import { keepCheckedContent } from '../loaders/checked-content';

/** The checks' report, or the one-line reason they could not run. */
function runChecks(): ContentReport | Error {
  try {
    return checkContent();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Prints the problem lines as validate prints them (each on its own line, nothing before it). */
function printLines(report: ContentReport, stream: NodeJS.WriteStream): void {
  if (report.lines.length > 0) stream.write(`${report.lines.join('\n')}\n`);
}

export default function validateContent(): AstroIntegration {
  return {
    name: 'rapport-validate',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const report = runChecks();
        if (report instanceof Error) {
          process.stderr.write(`validate: could not check ${escapeText(contentDir())}: ${escapeText(report.message)}\n`);
          process.exit(1);
        }
        if (report.errors > 0) {
          printLines(report, process.stderr);
          process.stderr.write(`\n✗ ${report.summary}\n`);
          logger.error('the content has errors (listed above, as `npm run validate` prints them): fix them and build again');
          // Exit here, before Astro's loaders read the faulty files and fail with a stack trace instead.
          process.exit(1);
        }
        printLines(report, process.stdout);
        logger.info(report.summary);
        keepCheckedContent(report.content);
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        let hadErrors = false;
        const report = () => {
          const result = runChecks();
          if (result instanceof Error) {
            logger.error(`could not check ${escapeText(dir)}: ${escapeText(result.message)}`);
            return;
          }
          printLines(result, process.stdout);
          if (result.errors > 0) logger.error(`${result.summary}: the pages may be wrong until these are fixed`);
          else if (hadErrors || result.warnings > 0) logger.info(result.summary);
          hadErrors = result.errors > 0;
        };
        report();
        // Check again after each change in the content folder (once per burst of changes).
        let timer: NodeJS.Timeout | undefined;
        server.watcher.add(dir);
        server.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(dir + path.sep)) return;
          clearTimeout(timer);
          timer = setTimeout(report, 300);
        });
      },
    },
  };
}
