import { describe, expect, it } from 'vitest';
import { demoOffText } from '../../../../src/renderer/views/settings/demo-off';

describe('the first real key ends the demo (issue 14 item 6)', () => {
  it('says the demo is off and which models need which key', () => {
    const none = (['novita', 'fal', 'evolink', 'ark'] as const).map((provider) => ({ provider, configured: false }));
    expect(demoOffText('fal', none)).toBe(
      'Demo mode is off: new jobs go to the providers. fal models use your key. Novita, EvoLink and BytePlus ModelArk models need keys of their own; until then they cannot be picked in Compose.',
    );
    const three = none.map((k) => ({ ...k, configured: k.provider !== 'ark' }));
    expect(demoOffText('fal', three)).toMatch(/BytePlus ModelArk models need a key of their own;/);
    expect(demoOffText('ark', three.map((k) => ({ ...k, configured: true })))).toBe('Demo mode is off: new jobs go to the providers. BytePlus ModelArk, Novita, fal and EvoLink models use your key.');
  });
});
