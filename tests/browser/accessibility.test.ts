// axe-core over every template at a phone width (390 px) and a desktop width (1280 px): no WCAG
// 2.0, 2.1 or 2.2 A or AA violation. One browser, one tab per width, pages opened in turn; the
// ledger and a second explorer page come from a fixture site (the real content has neither yet).
// The last tests plant faults to show the check catches them.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, chromiumPath, type AxeViolation } from '../helpers/browser';
import { fixtureOnlyTemplates, openTemplateTabs, templatePages, type TemplateTabs } from '../helpers/templates';

const widths = [390, 1280] as const;
const sitePages = [...templatePages(inject('siteDir')), '/studies/?modality=videoconference'];
const cases = widths.flatMap((width) => [
  ...sitePages.map((path) => ({ width, path, site: 'site' as const })),
  ...fixtureOnlyTemplates.map((path) => ({ width, path, site: 'fixture' as const })),
]);

/** One line per violation: rule, impact, help and where (first three nodes). */
const summarise = (violations: AxeViolation[]) =>
  violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );

describe.skipIf(!chromiumPath)('accessibility (axe-core, WCAG 2.2 AA) at 390 and 1280 px', () => {
  let tabs: TemplateTabs | undefined;
  beforeAll(async () => {
    tabs = await openTemplateTabs(inject('siteDir'), widths);
  });
  afterAll(async () => {
    await tabs?.close();
  });
  const open = (width: number, path: string, on: 'site' | 'fixture' = 'site') => tabs!.open(width, path, on);

  test.each(cases)('$path has no violations at $width px ($site)', async ({ width, path, site: on }) => {
    expect(summarise(await axeViolations(await open(width, path, on)))).toEqual([]);
  });

  describe('the check catches planted faults', () => {
    test('an image without a text alternative and grey-on-white text', async () => {
      const tab = await open(1280, '/about/');
      await tab.evaluate(() =>
        document
          .querySelector('main')!
          .insertAdjacentHTML(
            'beforeend',
            '<img src="/favicon.svg" width="20" height="20"><p style="color:#bbb;background:#fff">faint text</p>',
          ),
      );
      const ids = (await axeViolations(tab)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
    });

    test('a contrast fault that only the phone layout has is caught at 390 px, not at 1280 px', async () => {
      // (Chromium now lets a scrolling box take focus by itself, so axe's scrollable-region-focusable
      // cannot fail here: tests/browser/layout.test.ts checks that every scrolling box is a named, focusable region.)
      const planted = '@media (max-width: 40rem) { .site-nav a { color: #c8c8c8 !important } }';
      const idsAt = async (width: number) => {
        const tab = await open(width, '/about/');
        await tab.addStyleTag({ content: planted });
        return (await axeViolations(tab)).map((v) => v.id);
      };
      expect(await idsAt(390)).toContain('color-contrast');
      expect(await idsAt(1280)).not.toContain('color-contrast');
    });
  });
});
