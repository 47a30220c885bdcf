// The Nu HTML Checker (npm package vnu-jar) run with Debian's Java over a folder of HTML files.
// In CI (CI=true) a missing Java is a failure; elsewhere the check is skipped, loudly.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The checker's jar, shipped inside the vnu-jar package. */
export const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

/** True when a `java` command runs. */
export const javaFound = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;

if (!javaFound) {
  const message = 'Java was not found (install it: apt-get install -y default-jre-headless).';
  if (process.env.CI) throw new Error(`${message} The HTML check must run in CI.`);
  console.warn(`\n*** HTML VALIDATION SKIPPED: ${message} ***\n`);
}

/** One problem the checker reports. */
export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Checks every HTML file under `dir` in one run (one JVM) and returns the errors. */
export function vnuErrors(dir: string): VnuMessage[] {
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // The report goes to standard error; exit code 1 means "errors found", anything else is a fault.
  if (run.status !== 0 && run.status !== 1) throw new Error(`vnu did not run (exit ${run.status}): ${run.stderr || run.error?.message}`);
  const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  return report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
}

/** A message as one line: file (relative to `dir`), line and the checker's words. */
export function formatVnuMessage(dir: string, m: VnuMessage): string {
  const file = path.relative(dir, decodeURIComponent(m.url.replace(/^file:/, '')));
  return `${file}:${m.lastLine ?? '?'} ${m.message}`;
}
