// npm run screen -- --review <id> --reviewer <name> [--stage title-abstract|full-text]
//   [--order file|relevance] [--port N] [--highlight "term, term*"] [--consensus-name NAME] [--reviewers N]
// Starts the local screening workspace (scripts/lib/screen-server.ts) on 127.0.0.1 and prints its
// address. Bad input gets one line on stderr and exit code 1.
import { parseArgs } from 'node:util';
import { contentDir as resolveContentDir } from '../src/loaders/content-dir';
import { stages, type Stage } from '../src/lib/prisma/screening';
import { ScreenError, startScreenServer } from './lib/screen-server';

const fail = (message: string): never => {
  console.error(`screen: ${message}`);
  process.exit(1);
};

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: {
      review: { type: 'string' },
      reviewer: { type: 'string' },
      stage: { type: 'string' },
      order: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      highlight: { type: 'string' },
      'consensus-name': { type: 'string' },
      reviewers: { type: 'string' },
      content: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(
    `${(err as Error).message} (usage: npm run screen -- --review <id> --reviewer <name> [--stage full-text] [--order relevance] [--port N])`,
  );
}
const { review, reviewer, stage = 'title-abstract', order = 'file', port = '0' } = values!;
if (!review) fail('give the review: --review <id> (a file content/reviews/<id>.yaml)');
if (!reviewer) fail('give your name: --reviewer <name> (lower-case letters, digits and hyphens)');
if (!(stages as readonly string[]).includes(stage)) fail(`--stage must be title-abstract or full-text (got "${stage}")`);
if (order !== 'file' && order !== 'relevance') fail(`--order must be file or relevance (got "${order}")`);
if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) fail(`--port must be a number from 0 to 65535 (got "${port}")`);
const reviewers = values!.reviewers;
if (reviewers !== undefined && !/^[1-9]$/.test(reviewers)) fail(`--reviewers must be a number from 1 to 9 (got "${reviewers}")`);

try {
  const server = await startScreenServer({
    contentDir: resolveContentDir(values!.content),
    review: review!,
    reviewer: reviewer!,
    stage: stage as Stage,
    order: order as 'file' | 'relevance',
    port: Number(port),
    ...(values!.host !== undefined ? { host: values!.host } : {}),
    ...(values!.highlight !== undefined ? { highlight: values!.highlight.split(',') } : {}),
    ...(values!['consensus-name'] !== undefined ? { consensusName: values!['consensus-name'] } : {}),
    ...(reviewers !== undefined ? { reviewers: Number(reviewers) } : {}),
  });
  const p = server.workspace.progress();
  console.log(
    `Screening ${review} as ${reviewer} (${stage}${server.workspace.mode === 'consensus' ? ', consensus' : ''}): ${p.left} of ${p.total} records left`,
  );
  console.log(`Votes go to ${server.voteFile}`);
  console.log(`Open ${server.url} (ready in ${Math.round(server.startupMs)} ms; Ctrl+C stops)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  if (err instanceof ScreenError) fail(err.message);
  fail(`could not start: ${(err as Error).message}`);
}
