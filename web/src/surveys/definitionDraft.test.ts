import { describe, expect, it } from 'vitest';
import { blankQuestion, freeQuestionCode, moveQuestion, removeQuestion, withKind } from './definitionDraft';

describe('survey definition editing', () => {
  const joined = { ...blankQuestion(1), code: 'joined' };
  const follow = { ...blankQuestion(2), code: 'why', kind: 'free_text' as const, options: [], show_if: { question: 'joined', any_of: ['a'] } };

  it('drops a show-if that would point to a later question after a move', () => {
    const moved = moveQuestion([joined, follow], 1, -1);
    expect(moved.map((q) => q.code)).toEqual(['why', 'joined']);
    expect(moved[0]?.show_if).toBeNull();
  });

  it('drops a show-if whose condition question is removed', () => {
    expect(removeQuestion([joined, follow], 0)[0]?.show_if).toBeNull();
  });

  it('keeps only what applies to the new kind', () => {
    const number = withKind(joined, 'number');
    expect(number.options).toEqual([]);
    const choice = withKind({ ...number, number_min: 1 }, 'likert');
    expect(choice.options.length).toBe(2);
    expect(choice.number_min).toBeNull();
  });

  it('finds a free question code', () => {
    expect(freeQuestionCode([{ ...joined, code: 'q2' }])).toBe('q3');
  });
});
