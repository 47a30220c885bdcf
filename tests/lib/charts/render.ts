// Renders an Astro component to HTML in the test process, as the site build does: Astro's container
// API over a Vite server with the project's Astro config (content plugins left out, so nothing is
// written to .astro/; dependency pre-bundling off and the cache in a temporary folder, so nothing
// is written to node_modules/.vite either).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer } from 'astro/container';
import { getViteConfig } from 'astro/config';
import { createServer, type Plugin, type PluginOption, type ViteDevServer } from 'vite';

/** A renderer bound to one Vite server; `close` when done. */
export interface ComponentRenderer {
  render: (file: string, props: Record<string, unknown>) => Promise<string>;
  close: () => Promise<void>;
}

const flat = (plugins: PluginOption[] | undefined): Plugin[] =>
  (plugins ?? []).flat(Infinity as 1).filter((p): p is Plugin => typeof p === 'object' && p !== null && 'name' in p);

/** Starts a renderer for components under the project root (paths like `/src/components/…`). */
export async function createRenderer(): Promise<ComponentRenderer> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-render-'));
  const config = await getViteConfig({}, { logLevel: 'error', devToolbar: { enabled: false } })({ mode: 'production', command: 'build' });
  const server: ViteDevServer = await createServer({
    ...config,
    configFile: false,
    logLevel: 'error',
    cacheDir,
    appType: 'custom',
    plugins: flat(config.plugins).filter((p) => !/content/.test(p.name)),
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
  });
  const container = await experimental_AstroContainer.create();
  return {
    async render(file, props) {
      const mod = (await server.ssrLoadModule(file)) as { default: Parameters<typeof container.renderToString>[0] };
      return container.renderToString(mod.default, { props });
    },
    async close() {
      await server.close();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** The first `<svg>…</svg>` of rendered HTML as a standalone SVG file, every decimal in an attribute rounded to `digits` places (as Observable Plot's tests do). */
export function svgSnapshot(html: string, digits = 2): string {
  const svg = /<svg\b[\s\S]*?<\/svg>/.exec(html)?.[0];
  if (!svg) throw new Error('no <svg> in the rendered component');
  const rounded = svg.replace(
    /="([^"]*)"/g,
    (_, value: string) => `="${value.replace(/-?\d+\.\d+/g, (n) => String(+Number(n).toFixed(digits)))}"`,
  );
  return `${rounded.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"').replace(/>\s*</g, '>\n<')}\n`;
}
