import { describe, expect, it } from 'vitest';
import { numberTakes, takeDifferences, takeKey, takeSentence, type TakeSubject } from '../../../../src/shared/jobs/takes';

const subject = (id: string, at: number, over: Partial<TakeSubject> = {}): TakeSubject => ({
  id,
  at,
  prompt: 'A kite over the dunes',
  modelId: 'ark/seedance-1-0-pro-250528',
  inputs: ['a'.repeat(32)],
  ...over,
});

describe('takes: one prompt + inputs + model (issue 14 item 5)', () => {
  it('numbers takes in the order they were made; white space does not make another prompt', () => {
    const takes = numberTakes([subject('c', 3), subject('a', 1), subject('b', 2, { prompt: '  A kite   over the dunes ' })]);
    expect(takes.get('a')).toEqual({ n: 1, of: 3, firstId: 'a' });
    expect(takes.get('b')).toEqual({ n: 2, of: 3, firstId: 'a' });
    expect(takes.get('c')).toEqual({ n: 3, of: 3, firstId: 'a' });
  });

  it('another model, other inputs or another prompt is another group; an empty prompt is no take', () => {
    const takes = numberTakes([
      subject('a', 1),
      subject('m', 2, { modelId: 'fal/other' }),
      subject('i', 3, { inputs: ['b'.repeat(32)] }),
      subject('p', 4, { prompt: 'A heron' }),
      subject('e', 5, { prompt: '   ' }),
    ]);
    for (const id of ['a', 'm', 'i', 'p']) expect(takes.get(id)).toEqual({ n: 1, of: 1, firstId: id });
    expect(takes.has('e')).toBe(false);
    expect(takeKey({ prompt: '', modelId: 'x', inputs: [] })).toBeNull();
  });

  it('says what differs from take 1', () => {
    const first = { seed: 11, duration: 2, resolution: '480p', aspectRatio: '16:9' };
    expect(takeDifferences(first, { ...first, seed: 33, duration: 3 })).toEqual(['seed', 'duration']);
    expect(takeSentence({ n: 3, of: 5, firstId: 'a' }, ['seed', 'duration'])).toBe('Take 3 of 5 — differs from take 1 in seed, duration');
    expect(takeSentence({ n: 2, of: 2, firstId: 'a' }, [])).toBe('Take 2 of 2 — same settings as take 1');
    expect(takeSentence({ n: 1, of: 2, firstId: 'a' }, [])).toBe('Take 1 of 2');
    expect(takeSentence({ n: 1, of: 1, firstId: 'a' }, [])).toBeNull();
  });
});
