import { describe, expect, test } from 'vitest';
import { labelTableCells } from '../../../src/lib/guidance/table';

const table = (head: string, body: string) => `<thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;

describe('labelTableCells', () => {
  test('labels each body cell with the plain text of its column heading', () => {
    const html = table(
      '<th>Meta-analysis</th><th>What it <em>pooled</em></th>',
      '<tr><td><a href="/x/">Norwood</a></td><td>12 studies</td></tr><tr><td>Seuling</td><td>18</td></tr>',
    );
    expect(labelTableCells(html)).toBe(
      table(
        '<th>Meta-analysis</th><th>What it <em>pooled</em></th>',
        '<tr><td data-label="Meta-analysis"><a href="/x/">Norwood</a></td><td data-label="What it pooled">12 studies</td></tr><tr><td data-label="Meta-analysis">Seuling</td><td data-label="What it pooled">18</td></tr>',
      ),
    );
  });

  test('keeps cell attributes such as alignment and escapes quotes and angle brackets in headings', () => {
    const html = table(
      '<th style="text-align:right">Effect &quot;d&quot; &lt;95%&gt;</th>',
      '<tr><td style="text-align:right">0.3</td></tr>',
    );
    expect(labelTableCells(html)).toContain('<td style="text-align:right" data-label="Effect &quot;d&quot; &lt;95%&gt;">0.3</td>');
  });

  test('leaves a table without a header row, and cells beyond the headings, unlabelled', () => {
    expect(labelTableCells('<tbody><tr><td>a</td></tr></tbody>')).toBe('<tbody><tr><td>a</td></tr></tbody>');
    expect(labelTableCells(table('<th>One</th>', '<tr><td>a</td><td>b</td></tr>'))).toContain('<td data-label="One">a</td><td>b</td>');
  });
});
