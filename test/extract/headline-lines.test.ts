/** A headline set on two lines keeps its words apart ("Water bill<br>clears the Senate"). */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

describe('a headline with a line break', () => {
  it('reads its two lines as words apart', () => {
    const page = `<html><head><title>Ledger</title></head><body><article><h1>Water bill<br>clears the Senate</h1><p>WASHINGTON — The Senate voted 52 to 48 on Tuesday to approve a sweeping overhaul of the nation's water infrastructure.</p></article></body></html>`;
    expect(extractArticle(page).title).toBe('Water bill clears the Senate');
  });
});
