import { describe, expect, test } from 'vitest';
import {
  buildCorpus,
  rankCandidates,
  recordsToRecall,
  scoreRecords,
  simulateScreening,
  tieBreaks,
  tokenize,
  trainModel,
} from '../../../src/lib/screening/rank';

const texts = [
  'working alliance in email therapy',
  'alliance and outcome in videoconference therapy',
  'survey of internet use among students',
  'ethics commentary on online counselling',
  'alliance ratings in chat therapy',
  'internet use survey of counselling students',
];

describe('tokenize', () => {
  test('folds accents and case, keeps words of two or more letters and drops stop words', () => {
    expect(tokenize('The Évaluation of a CBT-programme in 2010, and e-therapy')).toEqual([
      'evaluation',
      'cbt',
      'programme',
      '2010',
      'therapy',
    ]);
  });
});

describe('buildCorpus', () => {
  test('gives each text a unit-length TF-IDF vector over one vocabulary', () => {
    const corpus = buildCorpus(texts);
    expect(corpus.docs).toHaveLength(texts.length);
    for (const doc of corpus.docs) {
      const norm = Math.sqrt(doc.weights.reduce((s, w) => s + w * w, 0));
      expect(norm).toBeCloseTo(1, 12);
    }
    expect(corpus.vocabulary.get('alliance')).toBeDefined();
  });

  test('weighs a rare word above a common one (smoothed idf)', () => {
    const corpus = buildCorpus(['alliance email', 'alliance chat', 'alliance video']);
    const doc = corpus.docs[0]!;
    const weightOf = (word: string) => doc.weights[[...doc.terms].indexOf(corpus.vocabulary.get(word)!)]!;
    expect(weightOf('email')).toBeGreaterThan(weightOf('alliance'));
  });
});

describe('trainModel', () => {
  test('needs at least one include and one exclude', () => {
    const corpus = buildCorpus(texts);
    expect(trainModel(corpus, new Map([[0, true]]))).toBeNull();
    expect(trainModel(corpus, new Map([[2, false]]))).toBeNull();
    expect(
      trainModel(
        corpus,
        new Map([
          [0, true],
          [2, false],
        ]),
      ),
    ).toMatchObject({ includes: 1, excludes: 1 });
  });

  test('scores records like the includes above records like the excludes', () => {
    const corpus = buildCorpus(texts);
    const model = trainModel(
      corpus,
      new Map([
        [0, true],
        [2, false],
      ]),
    )!;
    const scores = scoreRecords(corpus, model);
    expect(scores[4]).toBeGreaterThan(scores[5]!);
    expect(scores[1]).toBeGreaterThan(scores[3]!);
  });
});

describe('rankCandidates', () => {
  test('keeps file order without a model', () => {
    expect(rankCandidates([5, 1, 3], null, tieBreaks(6, 1))).toEqual([1, 3, 5]);
  });

  test('orders by score, best first, and breaks ties by the seeded permutation', () => {
    const scores = Float64Array.from([0, 2, 1, 1, 1, 3]);
    const ties = tieBreaks(6, 7);
    const ranked = rankCandidates([0, 1, 2, 3, 4, 5], scores, ties);
    expect(ranked.slice(0, 2)).toEqual([5, 1]);
    expect(ranked.at(-1)).toBe(0);
    expect(rankCandidates([0, 1, 2, 3, 4, 5], scores, tieBreaks(6, 7))).toEqual(ranked);
    expect(new Set(ranked.slice(2, 5))).toEqual(new Set([2, 3, 4]));
  });

  test('tieBreaks is a permutation that repeats for a seed and differs between seeds', () => {
    const a = tieBreaks(50, 1);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(tieBreaks(50, 1)).toEqual(a);
    expect(tieBreaks(50, 2)).not.toEqual(a);
  });
});

describe('simulateScreening', () => {
  test('screens every record once, in file order or by relevance, the same on every run', () => {
    const corpus = buildCorpus(texts);
    const truth = [true, true, false, false, true, false];
    expect(simulateScreening(corpus, truth, { order: 'file' })).toEqual([0, 1, 2, 3, 4, 5]);
    const ranked = simulateScreening(corpus, truth, { order: 'relevance', retrainEvery: 1 });
    expect([...ranked].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(simulateScreening(corpus, truth, { order: 'relevance', retrainEvery: 1 })).toEqual(ranked);
    // After the first include (0) and exclude (2), the alliance records come before the rest.
    expect(ranked.slice(0, 5)).toEqual([0, 1, 2, 4, 3]);
  });
});

describe('recordsToRecall', () => {
  test.each([
    ['all includes first', [0, 1, 2, 3], [true, true, false, false], 1, 2],
    ['includes last', [2, 3, 0, 1], [true, true, false, false], 1, 4],
    ['95% of 20 includes is 19', Array.from({ length: 40 }, (_, i) => i), Array.from({ length: 40 }, (_, i) => i < 20), 0.95, 19],
    ['no includes', [0, 1], [false, false], 0.95, 0],
  ])('%s', (_, order, truth, recall, expected) => {
    expect(recordsToRecall(order, truth, recall)).toBe(expected);
  });
});
