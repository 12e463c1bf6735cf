import { describe, expect, it } from 'vitest';
import { arkFailure, arkModelRefusal } from '../../../../src/main/providers/ark';
import { evolinkFailure, evolinkModelRefusal } from '../../../../src/main/providers/evolink';
import { falFailure, falModelRefusal } from '../../../../src/main/providers/fal';
import { modelRefused } from '../../../../src/main/providers/failure';

const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body, text: JSON.stringify(body) });
const arkError = (status: number, code: string, message: string, param?: string) => arkFailure(answer(status, { error: { code, message, param, type: 'BadRequest' } }));

describe('provider answers that refuse the model itself', () => {
  it('ModelArk: NotFound and ModelNotOpen codes, and InvalidParameter saying the model is gone; other errors are not', () => {
    expect(arkModelRefusal(arkError(404, 'InvalidEndpointOrModel.NotFound', 'The model seedance-1-5-pro-251215 does not exist or you do not have access to it.', 'model'))).toBe('gone');
    expect(arkModelRefusal(arkError(404, 'ModelNotOpen', 'Your account has not activated the model seedance-1-5-pro-251215.'))).toBe('not_activated');
    expect(arkModelRefusal(arkError(400, 'InvalidParameter', 'The model seedance-1-5-pro-251215 has been retired.', 'model'))).toBe('gone');
    expect(arkModelRefusal(arkError(400, 'InvalidParameter', 'The parameter `ratio` specified in the request is not valid.', 'ratio'))).toBeNull();
    expect(arkModelRefusal(arkError(401, 'AuthenticationError', 'The API key is invalid.'))).toBeNull();
  });

  it('ModelArk on the retired 1.5 Pro: names it, its retirement (third-party source) and the replacement, keeping the provider words', () => {
    const raw = arkError(404, 'InvalidEndpointOrModel.NotFound', 'The model seedance-1-5-pro-251215 does not exist or you do not have access to it.', 'model');
    const { failure } = modelRefused(raw, 'ark', 'seedance-1-5-pro-251215', 'gone');
    expect(failure.message).toBe(
      'BytePlus ModelArk says the model Seedance 1.5 Pro (seedance-1-5-pro-251215) does not exist or is no longer offered. It was retired on 2026-11-11 (per a third-party source). Use Seedance 2.0 instead.',
    );
    expect(failure).toMatchObject({ kind: 'invalid_input', retryable: false, modelUnavailable: true, providerCode: 'InvalidEndpointOrModel.NotFound', httpStatus: 404 });
    expect(failure.providerMessage).toContain('does not exist');
  });

  it('a model the catalogue has no status for: says it may have been retired', () => {
    const { failure } = modelRefused(arkError(404, 'InvalidEndpointOrModel.NotFound', 'gone'), 'ark', 'dreamina-seedance-2-0-260128', 'gone');
    expect(failure.message).toBe('BytePlus ModelArk says the model Seedance 2.0 (dreamina-seedance-2-0-260128) does not exist or is no longer offered. It may have been retired; choose another model.');
  });

  it('fal: only a 404 on the endpoint; EvoLink: model codes and model_access_denied, not other invalid parameters', () => {
    expect(falModelRefusal(falFailure(answer(404, { detail: "Application 'fal-ai/bytedance/seedance/v1/pro/text-to-video' not found" })))).toBe('gone');
    expect(falModelRefusal(falFailure(answer(422, { detail: [{ loc: ['body', 'duration'], msg: 'bad', type: 'value_error' }] })))).toBeNull();
    const evo = (status: number, code: string, message: string) => evolinkFailure(answer(status, { error: { code, message, type: 'invalid_request_error' } }));
    expect(evolinkModelRefusal(evo(403, 'model_access_denied', 'model seedance-1.5-pro is not available'))).toBe('not_activated');
    expect(evolinkModelRefusal(evo(400, 'invalid_parameters', 'model seedance-1.5-pro not found'))).toBe('gone');
    expect(evolinkModelRefusal(evo(400, 'invalid_parameters', 'duration must be between 4 and 15'))).toBeNull();
  });
});
