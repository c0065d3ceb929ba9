/**
 * A paragraph rewritten from end to end reads as the old words deleted and the new ones inserted,
 * not as a jumble of fragments around the small words the two share (src/diff/fold.ts).
 */
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';

const show = (oldText: string, newText: string) =>
  diffVersions({ title: 't', text: oldText }, { title: 't', text: newText })
    .changes.map((c) => (c.op === 'equal' ? c.text : c.op === 'delete' ? `[-${c.text}-]` : `{+${c.text}+}`))
    .join('');

const OLD =
  'The council met on Monday.\n\nUtilities in the region said the work would take until March, and that customers would see no change in their bills before then.\n\nThe mayor thanked the crews.';
const NEW =
  'The council met on Monday.\n\nOfficials in the capital said the cost of the project would rise by a third, and that the state would cover most of it.\n\nThe mayor thanked the crews.';

describe('short equal runs between edits', () => {
  it('fold into the edits around them when no longer than either', () => {
    expect(show(OLD, NEW)).toBe(
      'The council met on Monday.\n\n[-Utilities-]{+Officials+} in the [-region-]{+capital+} said the [-work would take until March, and that customers would see no change in their bills before then-]{+cost of the project would rise by a third, and that the state would cover most of it+}.\n\nThe mayor thanked the crews.',
    );
  });

  it('stay when longer than an edit beside them: one word changed in a sentence is that word', () => {
    expect(show('Russia’s deputy foreign minister, Sergei Rybakov, said so.', 'Russia’s deputy foreign minister, Sergei Ryabkov, said so.')).toBe(
      'Russia’s deputy foreign minister, Sergei [-Rybakov-]{+Ryabkov+}, said so.',
    );
    expect(show('He met Smith in Rome and Jones in Paris on Monday.', 'He met Smyth in Rome and Janes in Paris on Monday.')).toBe(
      'He met [-Smith-]{+Smyth+} in Rome and [-Jones-]{+Janes+} in Paris on Monday.',
    );
  });

  it('stay when they hold a paragraph break, so paragraphs stay apart', () => {
    const diff = show('First one was here.\n\nSecond one was there.', 'Third one went away.\n\nFourth one came back.');
    expect(diff).toContain('\n\n');
    expect(diff.split('\n\n')).toHaveLength(2);
  });
});
