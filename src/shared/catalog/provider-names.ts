/** Display names of the providers, used in user-facing messages (main, CLI and catalog texts alike). */
export const PROVIDER_NAMES = { novita: 'Novita', fal: 'fal', evolink: 'EvoLink', ark: 'BytePlus ModelArk' } as const;
export type ProviderName = (typeof PROVIDER_NAMES)[keyof typeof PROVIDER_NAMES];
