// Phones and print, in Chromium: at 360 and 390 px no page scrolls sideways, wide tables and the
// flow diagram scroll inside their own named, focusable box, chart and diagram text is at least
// 12 px as drawn, the header search shows its whole placeholder, the explorer's filters fold away;
// printed pages have margins and show no address after internal links. Each check is shown to
// catch a planted fault at the end.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromiumPath } from '../helpers/browser';
import { fixtureOnlyTemplates, openTemplateTabs, templatePages, type TemplateTabs } from '../helpers/templates';

const phoneWidths = [360, 390] as const;
const sitePages = templatePages(inject('siteDir'));
const cases = phoneWidths.flatMap((width) => [
  ...sitePages.map((path) => ({ width, path, site: 'site' as const })),
  ...fixtureOnlyTemplates.map((path) => ({ width, path, site: 'fixture' as const })),
]);

/** What is wrong with the layout of the page shown: one sentence per fault, none when it fits. Runs in the page. */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
  const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;

  // 1. The page is no wider than the screen; if it is, name the outermost elements that stick out.
  if (root.scrollWidth > width) {
    const culprits = [...document.body.querySelectorAll('*')].filter((el) => {
      if (el.getBoundingClientRect().right <= width + 1) return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (clips(a)) return false;
      return !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1;
    });
    problems.push(`the page is ${root.scrollWidth} px wide on a ${width} px screen: ${culprits.slice(0, 4).map(describe).join('; ')}`);
  }
  // 2. A box that scrolls sideways can be reached from the keyboard and has a name.
  for (const el of document.body.querySelectorAll('*')) {
    if (!scrolls(el) || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
    if ((el as HTMLElement).tabIndex < 0 || !el.getAttribute('aria-label') || el.getAttribute('role') !== 'region')
      problems.push(`${describe(el)} scrolls sideways but is not a named, focusable region`);
  }
  // 3. Chart and diagram text is at least 12 px as drawn.
  for (const text of document.querySelectorAll<SVGTextElement>('.chart-svg text, .prisma-svg text')) {
    const ctm = text.getScreenCTM();
    if (!ctm || text.getBBox().width === 0) continue;
    const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b);
    if (px < 11.95) {
      problems.push(`chart text “${(text.textContent ?? '').trim().slice(0, 30)}” is ${px.toFixed(1)} px`);
      break;
    }
  }
  // 4. The header search shows its whole placeholder.
  const search = document.querySelector<HTMLInputElement>('#site-search');
  if (search && search.offsetParent) {
    const style = getComputedStyle(search);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = search.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const needed = context.measureText(search.placeholder).width;
    if (needed > room) problems.push(`the header search shows ${Math.round(room)} of the ${Math.round(needed)} px its placeholder needs`);
  }
  return problems;
}

/** How the flow diagram behaves: its box scrolls, the page does not, and the cue shows. Runs in the page. */
function diagramScroll(): { boxScrolls: boolean; pageScrolled: number; pageWidth: number; cueShown: boolean } {
  const box = document.querySelector<HTMLElement>('.prisma-scroll')!;
  box.scrollLeft = 10_000;
  const boxScrolls = box.scrollWidth > box.clientWidth && box.scrollLeft > 0;
  window.scrollTo(10_000, window.scrollY);
  const pageScrolled = window.scrollX;
  box.scrollLeft = 0;
  window.scrollTo(0, window.scrollY);
  const cue = document.querySelector<HTMLElement>('.prisma .scroll-hint');
  return { boxScrolls, pageScrolled, pageWidth: document.documentElement.scrollWidth, cueShown: Boolean(cue?.offsetParent) };
}

/** What a printed page shows: its @page margins, which of header, search and buttons still show, and
 *  the links printed with an address after them. Runs in the page, under print media. */
function printedPage() {
  const after = (a: Element) => getComputedStyle(a, '::after').content;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')];
  const rules = [...document.styleSheets]
    .flatMap((s) => [...s.cssRules])
    .flatMap((r) => (r instanceof CSSMediaRule ? [...r.cssRules] : [r]));
  return {
    margins: rules.filter((r): r is CSSPageRule => r instanceof CSSPageRule).map((r) => r.style.margin),
    chromeShown: ['.site-header', '.site-nav', '.header-search', 'button']
      .flatMap((sel) => [...document.querySelectorAll(sel)])
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => el.outerHTML.slice(0, 60)),
    internalExpanded: links.filter((a) => a.origin === location.origin && after(a) !== 'none').map((a) => a.getAttribute('href')),
    localAddresses: links.filter((a) => /localhost|127\.0\.0\.1/.test(after(a))).map((a) => a.getAttribute('href')),
    externalExpanded: links.filter((a) => a.origin !== location.origin && after(a).includes(a.getAttribute('href')!)).length,
  };
}

describe.skipIf(!chromiumPath)('layout on phones and in print', () => {
  let tabs: TemplateTabs | undefined;
  beforeAll(async () => {
    tabs = await openTemplateTabs(inject('siteDir'), [...phoneWidths, 1280], 800);
  });
  afterAll(async () => {
    await tabs?.close();
  });
  const open = (width: number, path: string, on: 'site' | 'fixture' = 'site') => tabs!.open(width, path, on);

  test.each(cases)('$path fits a $width px screen ($site)', async ({ width, path, site: on }) => {
    const page = await open(width, path, on);
    expect(await page.evaluate(layoutProblems)).toEqual([]);
  });

  test('the home page, header search placeholder included, also fits a 1280 px screen', async () => {
    const page = await open(1280, '/');
    expect(await page.evaluate(layoutProblems)).toEqual([]);
  });

  test.each(phoneWidths)('the flow diagram scrolls inside its own box at %i px, with a cue, and the page does not', async (width) => {
    for (const [path, on] of [
      ['/reviews/sucala-2012/', 'site'],
      ['/reviews/demo-review/', 'fixture'],
    ] as const) {
      const page = await open(width, path, on);
      expect(await page.evaluate(diagramScroll)).toEqual({ boxScrolls: true, pageScrolled: 0, pageWidth: width, cueShown: true });
    }
  });

  test('the explorer folds its filters away at 390 px, opens them at 1280 px, and still filters on a phone', async () => {
    const phone = await open(390, '/studies/');
    const fold = phone.locator('details[data-explorer-facets]');
    await phone.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    expect(await fold.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    const firstRow = await phone.locator('.study-table tbody tr').first().boundingBox();
    expect(firstRow!.y).toBeLessThan(1000);
    await fold.locator('summary').click();
    await phone.getByRole('checkbox', { name: /^Email/ }).check();
    await expect.poll(() => phone.locator('[data-explorer-status]').textContent()).toMatch(/studies matching/);

    const wide = await open(1280, '/studies/');
    await wide.locator('[data-explorer-form]').waitFor({ state: 'visible' });
    expect(await wide.locator('details[data-explorer-facets]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
  });

  /** Opens `path` as printed (print media at 1280 px) and returns what the printout shows. */
  const printed = async (path: string, plantedCss?: string) => {
    const page = await open(1280, path);
    if (plantedCss) await page.addStyleTag({ content: plantedCss });
    await page.emulateMedia({ media: 'print' });
    try {
      return await page.evaluate(printedPage);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  };

  test('a printed page has 2 cm margins, no navigation, search or buttons, and addresses only after external links', async () => {
    // A guide cites studies through internal links (each with an absolute data-print-href); a study page links its DOI.
    for (const path of ['/guides/what-the-evidence-says/', '/studies/germain-2010/'])
      expect(await printed(path), path).toMatchObject({ margins: ['2cm'], chromeShown: [], internalExpanded: [], localAddresses: [] });
    expect((await printed('/studies/germain-2010/')).externalExpanded).toBeGreaterThan(0);
  });

  describe('each check catches a planted fault', () => {
    test('a 2000 px element makes the page too wide', async () => {
      const page = await open(390, '/about/');
      await page.evaluate(() =>
        document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div id="planted" style="width:2000px">wide</div>'),
      );
      const problems = await page.evaluate(layoutProblems);
      expect(problems).toContainEqual(expect.stringMatching(/^the page is 20\d\d px wide on a 390 px screen: div#planted/));
    });

    test('a long unbreakable address makes the page too wide', async () => {
      const page = await open(360, '/about/');
      await page.evaluate(() =>
        document.querySelector('main')!.insertAdjacentHTML('beforeend', `<p style="overflow-wrap:normal">${'x'.repeat(200)}</p>`),
      );
      expect(await page.evaluate(layoutProblems)).toContainEqual(expect.stringMatching(/^the page is \d+ px wide on a 360 px screen/));
    });

    test('a scrolling box with no name or focus is reported', async () => {
      const page = await open(390, '/about/');
      await page.evaluate(() =>
        document
          .querySelector('main')!
          .insertAdjacentHTML('beforeend', '<div id="planted" style="overflow-x:auto"><div style="width:2000px">wide</div></div>'),
      );
      expect(await page.evaluate(layoutProblems)).toContainEqual(
        expect.stringMatching(/^div#planted .* scrolls sideways but is not a named, focusable region$/),
      );
    });

    test('charts shrunk to the screen have text under 12 px', async () => {
      const page = await open(390, '/synthesis/');
      await page.addStyleTag({ content: '.chart .scroll-x .chart-svg { min-width: 0 !important }' });
      expect(await page.evaluate(layoutProblems)).toContainEqual(expect.stringMatching(/^chart text .* is \d+\.\d px$/));
    });

    test('a diagram box that does not scroll lets the diagram widen the page', async () => {
      const page = await open(390, '/reviews/sucala-2012/');
      await page.addStyleTag({ content: '.prisma-scroll { overflow: visible !important } .prisma-body { display: block !important }' });
      const seen = await page.evaluate(diagramScroll);
      expect(seen.boxScrolls).toBe(false);
      expect(seen.pageWidth).toBeGreaterThan(390);
    });

    test('internal links printed with their absolute address, and a printed button, are reported', async () => {
      const seen = await printed(
        '/guides/what-the-evidence-says/',
        '@media print { main a[data-print-href]::after { content: " <" attr(data-print-href) ">" } button { display: inline !important } }',
      );
      expect(seen.internalExpanded.length).toBeGreaterThan(0);
      expect(seen.localAddresses.length).toBeGreaterThan(0);
      expect(seen.chromeShown.length).toBeGreaterThan(0);
    });

    test('a cut-off header search placeholder is reported', async () => {
      const page = await open(360, '/');
      await page.evaluate(() => {
        document.querySelector<HTMLInputElement>('#site-search')!.placeholder = 'Search every study, guide, review and page of this site';
      });
      expect(await page.evaluate(layoutProblems)).toContainEqual(
        expect.stringMatching(/^the header search shows \d+ of the \d+ px its placeholder needs$/),
      );
    });
  });
});
