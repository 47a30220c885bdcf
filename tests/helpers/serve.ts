// Serves a built site for the browser tests: the server lives with the benchmark's in scripts/lib/serve.ts.
export { serveStatic, type StaticServer } from '../../scripts/lib/serve';
