import { describe, expect, it } from 'vitest';
import { arkFailure, parseArkTask } from '../../../../src/main/providers/ark';
import { evolinkFailure } from '../../../../src/main/providers/evolink';
import { falFailure } from '../../../../src/main/providers/fal';

const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body, text: JSON.stringify(body) });

describe('Seedance 2.5 task-type errors become plain fixes (seedance-2.5.md §2.8)', () => {
  it('ModelArk TaskTypeConstraint (synchronous 400)', () => {
    const f = arkFailure(answer(400, { error: { code: 'InvalidParameter.TaskTypeConstraint', message: 'ratio must be adaptive', param: 'ratio', type: 'BadRequest' } }));
    expect(f).toMatchObject({ kind: 'invalid_input', retryable: false, providerCode: 'InvalidParameter.TaskTypeConstraint' });
    expect(f.message).toContain('set the aspect ratio to adaptive');
  });

  it('ModelArk TaskTypeMismatch on a failed task (after generation started)', () => {
    const s = parseArkTask({ id: 'cgt-1', status: 'failed', content: null, usage: null, error: { code: 'InvalidParameter.TaskTypeMismatch', message: 'task type mismatch' } });
    expect(s.state).toBe('failed');
    expect(s.error?.message).toContain('reword the prompt, or choose the task it describes');
  });

  it('relays passing the upstream text through (EvoLink, fal)', () => {
    const upstream = 'Seedance identified your task as video editing based on your prompt ... Issues: [0] `duration` must be -1.';
    expect(evolinkFailure(answer(400, { error: { code: 'invalid_parameter', message: upstream, type: 'invalid_request_error' } })).message).toContain('the duration to Auto');
    const fal = falFailure(answer(422, { detail: [{ loc: ['body', 'task'], msg: 'TaskTypeMismatch: the prompt asks for editing', type: 'value_error' }] }));
    expect(fal).toMatchObject({ kind: 'invalid_input', retryable: false });
    expect(fal.message).toContain('reword the prompt');
  });

  it('leaves other errors alone', () => {
    expect(arkFailure(answer(400, { error: { code: 'InvalidParameter', message: 'duration 31', param: 'duration', type: 'BadRequest' } })).message).not.toContain('Seedance took this');
  });
});
