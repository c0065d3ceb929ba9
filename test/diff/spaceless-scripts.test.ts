/**
 * Words in scripts written without spaces (Chinese, Japanese, Thai): the diff, the word counts and
 * the kinds of change count words, found by Intl.Segmenter, which these tests also show workerd has.
 */
import { describe, expect, it } from 'vitest';
import { countWords as articleWords } from '../../src/check/anomaly';
import { diffVersions } from '../../src/diff';
import { classifyChange } from '../../src/diff/kind';
import { countWords } from '../../src/diff/tokens';
import { extractArticle } from '../../src/extract';
import { expectWellFormed, render } from './helpers';

const v = (text: string) => ({ title: '标题', text });

describe('words in scripts without spaces', () => {
  it('workerd has Intl.Segmenter with word granularity', () => {
    const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment('市政府周四宣布')].map((s) => s.segment);
    expect(words).toEqual(['市政府', '周四', '宣布']);
  });

  it('周四 -> 周三 shows one word changed, not the clause', () => {
    const before = '市政府周四宣布，新的图书馆将于明年开放。';
    const after = '市政府周三宣布，新的图书馆将于明年开放。';
    const diff = diffVersions(v(before), v(after));
    expectWellFormed(diff, before, after);
    expect(render(diff.changes)).toBe('市政府[-周四-]{+周三+}宣布，新的图书馆将于明年开放。');
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
  });

  it('a Japanese and a Thai weekday swapped are one word each', () => {
    expect(render(diffVersions(v('東京都は木曜日に発表した。'), v('東京都は水曜日に発表した。')).changes)).toBe('東京都は[-木曜日-]{+水曜日+}に発表した。');
    const thai = diffVersions(v('รัฐบาลประกาศเมื่อวันพฤหัสบดี'), v('รัฐบาลประกาศเมื่อวันพุธ'));
    expect(thai.stats).toEqual({ added: 1, removed: 1 });
  });

  it('word counts count words, not clauses, so a short Chinese story is not "too few words"', () => {
    expect(countWords('市政府周四宣布，新的图书馆将于明年开放。')).toBe(10);
    expect(countWords('The council met. 市政府周四宣布')).toBe(6);
    expect(articleWords('市政府周四宣布，新的图书馆将于明年开放。')).toBe(10);
  });

  it('a sentence added in Chinese is an addition of its words', () => {
    const diff = diffVersions(v('市政府周四宣布。'), v('市政府周四宣布。图书馆将于明年开放。'));
    expect(diff.stats.added).toBe(6); // 图书|馆|将|于|明年|开放
    expect(classifyChange(diff)).toEqual(['addition']);
  });

  it('ruby readings are not part of the text', () => {
    const html =
      '<html><body><article><h1>見出し</h1><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもたちが公園で遊んでいました。市政府は新しい図書館を来年開くと発表しました。</p></article></body></html>';
    expect(extractArticle(html).text).toBe('子どもたちが公園で遊んでいました。市政府は新しい図書館を来年開くと発表しました。');
  });
});
