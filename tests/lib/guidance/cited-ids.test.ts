// Reading cited study ids from a guide's MDX source.
import { describe, expect, test } from 'vitest';
import { citedStudyIds, extractCitedIds } from '../../../src/lib/guidance/cited-ids';

const guide = [
  '---', // 1
  'title: A guide', // 2
  '---', // 3
  '', // 4
  'As <Cite id="cook-2002" /> found, and <Cite id=\'day-2002\'/> too.', // 5
  '', // 6
  '<Point ids={["germain-2010", \'day-2002\']} about={["alliance.vs_face_to_face"]}>', // 7
  'The alliance was similar.', // 8
  '</Point>', // 9
  '', // 10
  '<Evidence', // 11
  '  ids={[', // 12
  '    "knaevelsrud-2006",', // 13
  '    "knaevelsrud-2007",', // 14
  '  ]}', // 15
  '/>', // 16
].join('\n');

describe('extractCitedIds', () => {
  test('reads ids from Cite, Point and Evidence, with the line of each opening tag', () => {
    expect(extractCitedIds(guide).cited).toEqual([
      { id: 'cook-2002', line: 5, component: 'Cite' },
      { id: 'day-2002', line: 5, component: 'Cite' },
      { id: 'germain-2010', line: 7, component: 'Point' },
      { id: 'day-2002', line: 7, component: 'Point' },
      { id: 'knaevelsrud-2006', line: 11, component: 'Evidence' },
      { id: 'knaevelsrud-2007', line: 11, component: 'Evidence' },
    ]);
    expect(extractCitedIds(guide).unreadable).toEqual([]);
  });

  test.each([
    ['a braced string', '<Cite id={"cook-2002"} />', 'cook-2002'],
    ['a single id in a list', '<Evidence ids={["cook-2002"]} />', 'cook-2002'],
    ['extra spaces', '<Evidence  ids = { [ "cook-2002" ] } />', 'cook-2002'],
  ])('accepts %s', (_, source, id) => {
    expect(citedStudyIds(source)).toEqual([id]);
  });

  test('does not read the Point "about" list or other components as citations', () => {
    expect(
      citedStudyIds('<Point ids={["a-2000"]} about={["alliance.outcome_link"]}>x</Point>\n<Other ids={["b-2001"]} />\n<h2 id="c-2002">'),
    ).toEqual(['a-2000']);
  });

  test('ignores examples in code blocks, inline code and MDX comments', () => {
    const source =
      '```mdx\n<Cite id="in-fence" />\n```\nUse `<Cite id="in-code" />`.\n{/* <Cite id="in-comment" /> */}\n<Cite id="real-2001" />';
    expect(extractCitedIds(source).cited).toEqual([{ id: 'real-2001', line: 6, component: 'Cite' }]);
  });

  test.each([
    ['a variable list', '<Evidence ids={studyIds} />'],
    ['a list with an expression', '<Evidence ids={["a-2000", other]} />'],
    ['an empty list', '<Evidence ids={[]} />'],
    ['no ids at all', '<Point>claim</Point>'],
    ['a Cite without id', '<Cite ref="a-2000" />'],
  ])('reports %s as unreadable rather than guessing', (_, source) => {
    const { cited, unreadable } = extractCitedIds(source);
    expect(cited).toEqual([]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ line: 1 });
  });
});

describe('citedStudyIds', () => {
  test('lists each cited id once, in order of first citation', () => {
    expect(citedStudyIds(guide)).toEqual(['cook-2002', 'day-2002', 'germain-2010', 'knaevelsrud-2006', 'knaevelsrud-2007']);
  });
});
