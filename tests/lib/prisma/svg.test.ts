import { describe, expect, test } from 'vitest';
import { contrastRatio, prismaColours } from '../../../src/lib/charts/palette';
import { layoutPrismaFlow, type PrismaDiagramSpec } from '../../../src/lib/prisma/layout';
import { escapeXml, renderPrismaSvg, safeHref } from '../../../src/lib/prisma/svg';
import { makeFlow, NOTHING_REPORTED } from '../../helpers/factories';

// Sucala et al. (2012), J Med Internet Res 14(4):e110, abstract: "840 studies were reviewed" and
// 11 were included; every other box of its flow is unknown (content/reviews/sucala-2012.yaml).
const sucala = makeFlow({ screened: 840, included_studies: 11 }, NOTHING_REPORTED);
const sucalaSpec = layoutPrismaFlow(sucala, { hrefFor: (box) => (box === 'included' ? '/reviews/sucala-2012/#included' : undefined) });

const hostile = `"><script>alert('x')</script>&amp; <b>`;
const hostileSpec = layoutPrismaFlow(
  makeFlow(
    { identified: { databases: 3, per_source: { [hostile]: 3 } }, screened: 3, excluded_full_text: { 'bad-label': 1 } },
    NOTHING_REPORTED,
  ),
  {
    reasons: [{ id: 'bad-label', label: hostile }],
    title: hostile,
    hrefFor: (box) => (box === 'screened' ? `/x/?a="b"&c=<d>'e'` : undefined),
  },
);

/** Element names the renderer may write; anything else would be markup smuggled in through a label. */
const ELEMENTS = new Set(['svg', 'title', 'desc', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'tspan', 'a']);

/** Checks XML well-formedness the way a strict parser would: balanced tags, quoted attributes, no raw & < > in text. Returns the faults. */
function xmlFaults(xml: string): string[] {
  const faults: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, close, name, , selfClose, text, stray] = m;
    if (stray) faults.push(`stray "<" at ${m.index}`);
    else if (text !== undefined) {
      if (/[<>]|&(?!(?:amp|lt|gt|quot|#39);)/.test(text)) faults.push(`unescaped text "${text.slice(0, 40)}"`);
    } else if (name) {
      if (!ELEMENTS.has(name)) faults.push(`unexpected element <${name}>`);
      if (close) {
        if (stack.pop() !== name) faults.push(`</${name}> closes the wrong element`);
      } else if (!selfClose) stack.push(name);
    }
  }
  if (stack.length > 0) faults.push(`unclosed: ${stack.join(', ')}`);
  return faults;
}

describe('escapeXml', () => {
  test.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['a\u0000b\u0007c', 'abc'],
    [840, '840'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });
});

describe('safeHref', () => {
  test.each(['/reviews/x/', '#included', './records/', 'https://example.org/a'])('keeps %s', (href) => {
    expect(safeHref(href)).toBe(href);
  });
  test.each(['javascript:alert(1)', 'data:text/html,x', ' /x', 'vbscript:x'])('drops %s', (href) => {
    expect(safeHref(href)).toBeUndefined();
  });
});

describe('renderPrismaSvg', () => {
  test('escapes every label, title and address taken from the records, inline and standalone', () => {
    for (const svg of [renderPrismaSvg(hostileSpec), renderPrismaSvg(hostileSpec, { standalone: true })]) {
      expect(xmlFaults(svg)).toEqual([]);
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('<b>');
      expect(svg).toContain('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp; &lt;b&gt;');
      expect(svg).toContain('href="/x/?a=&quot;b&quot;&amp;c=&lt;d&gt;&#39;e&#39;"');
    }
  });

  test('escapes text put straight into a spec, not only what the layout wrote', () => {
    const spec: PrismaDiagramSpec = {
      ...sucalaSpec,
      boxes: sucalaSpec.boxes.map((b) => (b.id === 'screened' ? { ...b, lines: ['</text></svg><img src=x onerror=alert(1)>'] } : b)),
    };
    const svg = renderPrismaSvg(spec);
    expect(xmlFaults(svg)).toEqual([]);
    expect(svg).toContain('&lt;/text&gt;&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  test('drops a link whose address is not a site, fragment or http(s) address', () => {
    const spec = layoutPrismaFlow(sucala, { hrefFor: (box) => (box === 'included' ? 'javascript:alert(1)' : undefined) });
    const svg = renderPrismaSvg(spec);
    expect(svg).not.toContain('javascript:');
    expect(svg).not.toContain('<a ');
    expect(svg).toContain('role="img"');
  });

  test('draws the Sucala 2012 diagram: 840 screened, 11 included, every other box "not reported", never 0', () => {
    const svg = renderPrismaSvg(sucalaSpec);
    expect(svg).toContain('(n = 840)');
    expect(svg).toContain('Studies included in review');
    expect(svg).toContain('(n = 11)');
    expect(svg).toContain('(n = not reported)');
    expect(svg).not.toMatch(/\(n = 0\)/);
    expect(svg.match(/\(n = not reported\)/g)?.length).toBe(sucalaSpec.rows.filter((r) => r.n === null).length);
  });

  test('draws the Sucala 2012 diagram as a standalone file (snapshot)', async () => {
    await expect(renderPrismaSvg(sucalaSpec, { standalone: true })).toMatchFileSnapshot('__snapshots__/sucala-2012.svg');
  });

  test('starts with a title and a description that the svg element names itself by', () => {
    const svg = renderPrismaSvg(sucalaSpec, { idPrefix: 'flow' });
    expect(svg).toMatch(
      /^<svg [^>]*aria-labelledby="flow-title" aria-describedby="flow-desc"[^>]*>\n<title id="flow-title">PRISMA 2020 flow diagram<\/title>\n<desc id="flow-desc">PRISMA 2020 flow diagram\. Identification: /,
    );
    expect(svg).toContain(escapeXml(sucalaSpec.description));
  });

  test('writes each box as real text, one tspan per wrapped line', () => {
    const svg = renderPrismaSvg(sucalaSpec);
    for (const box of sucalaSpec.boxes) {
      const group = svg.match(new RegExp(`<(?:g|a)[^>]*data-box="${box.id}"[^>]*>(.*?)</(?:g|a)>`))?.[1] ?? '';
      expect(group.match(/<tspan /g)?.length, box.id).toBe(box.lines.length);
    }
    expect(svg).not.toContain('<image');
    expect(svg).not.toContain('<script');
  });

  test('links the boxes that have an address, and only those', () => {
    const svg = renderPrismaSvg(sucalaSpec);
    expect(svg.match(/<a /g)).toHaveLength(1);
    expect(svg).toContain('<a href="/reviews/sucala-2012/#included" data-box="included">');
    expect(svg).toContain('role="group"');
  });

  test('ends every arrow in the arrowhead marker', () => {
    const svg = renderPrismaSvg(sucalaSpec, { idPrefix: 'p1' });
    expect(svg).toContain('<marker id="p1-arrow"');
    expect(svg.match(/marker-end="url\(#p1-arrow\)"/g)).toHaveLength(sucalaSpec.arrows.length);
    expect(sucalaSpec.arrows.length).toBe(8);
  });

  test('rotates the three stage labels a quarter turn in their bands', () => {
    const svg = renderPrismaSvg(sucalaSpec);
    const labels = [...svg.matchAll(/<text [^>]*transform="rotate\(-90 [\d.]+ [\d.]+\)"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Identification', 'Screening', 'Included']);
  });

  test('a standalone file has the XML declaration, namespaces and a pixel size; inline has a CSS class instead', () => {
    const file = renderPrismaSvg(sucalaSpec, { standalone: true });
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(file).toContain(`width="${sucalaSpec.width}" height="${sucalaSpec.height}"`);
    expect(file).toContain('xlink:href="/reviews/sucala-2012/#included"');
    expect(file).not.toContain('class=');
    const inline = renderPrismaSvg(sucalaSpec);
    expect(inline.startsWith('<svg viewBox=')).toBe(true);
    expect(inline).toContain('class="prisma-svg"');
    expect(inline).not.toContain('xmlns');
  });

  test('carries its styles as attributes, so a downloaded file looks like the page', () => {
    const file = renderPrismaSvg(sucalaSpec, { standalone: true });
    expect(file).not.toContain('<style');
    expect(file).toMatch(/<svg [^>]*font-family="system-ui[^"]*" font-size="12"/);
    expect(file).toContain('<rect x="0" y="0" width="');
  });

  test('writes at most two decimals in coordinates', () => {
    const spec: PrismaDiagramSpec = {
      ...sucalaSpec,
      arrows: [{ from: 'screened', to: 'sought', points: [], path: 'M1.23456,2.5L1.23456,-0.0001' }],
    };
    expect(renderPrismaSvg(spec)).toContain('d="M1.23,2.5L1.23,0"');
  });
});

describe('the diagram’s colours', () => {
  const { ink, link, box, stage, mainHeader, otherHeader } = prismaColours;

  test.each([
    ['box', box],
    ['stage bar', stage],
    ['databases column title', mainHeader],
    ['other column titles', otherHeader],
  ])('gives text at least 4.5:1 on the %s fill', (_, fill) => {
    expect(contrastRatio(ink, fill)).toBeGreaterThanOrEqual(4.5);
  });

  test('gives a linked box a border of at least 3:1 on white (WCAG non-text contrast)', () => {
    expect(contrastRatio(link, box)).toBeGreaterThanOrEqual(3);
  });

  test('draws only colours of the palette', () => {
    const svg = renderPrismaSvg(
      layoutPrismaFlow(makeFlow({ previous: { studies: 1, reports: 1 }, other_methods: { identified: { citations: 1 } } }), {
        hrefFor: () => '/x/',
      }),
    );
    const used = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/gi)].map((m) => m[1]));
    expect([...used].filter((c) => !Object.values(prismaColours).includes(c as never))).toEqual([]);
    expect(used.size).toBeGreaterThanOrEqual(5);
  });
});
