import type { ParamSpec } from './types';

/**
 * Constructors for the `ParamSpec` rows the catalog repeats, so each provider file states only the
 * values its docs publish (providers.md, per-provider tables). Pure data, no behaviour.
 */

/** Output resolution enum. `unconfirmed` options are offered but flagged (options a provider's docs disagree on). */
export function resolutionSpec(options: string[], def: string, unconfirmed?: string[]): ParamSpec {
  return { kind: 'enum', key: 'resolution', label: 'Resolution', options, default: def, ...(unconfirmed ? { unconfirmed } : {}) };
}

/** Aspect ratio enum, spelled as the provider spells it (`adaptive` or `auto` follow the first frame). */
export function aspectRatioSpec(options: string[], def: string): ParamSpec {
  return { kind: 'enum', key: 'aspectRatio', label: 'Aspect ratio', options, default: def };
}

/** Duration in whole seconds; `values` restricts to a list (Novita V1: 5 or 10). */
export function durationSpec(min: number, max: number, def: number, values?: number[]): ParamSpec {
  return { kind: 'int', key: 'duration', label: 'Duration', min, max, default: def, unit: 's', ...(values ? { values } : {}) };
}

/** Duration in whole seconds from `min` to `max`, or `-1`: the model picks (Seedance 2.x, "Auto"). */
export function autoDurationSpec(min: number, max: number, def: number): ParamSpec {
  return { kind: 'int', key: 'duration', label: 'Duration', min, max, default: def, unit: 's', auto: true };
}

/** Seed from −1 (random) to `max` (2147483647 or 4294967295 depending on the provider). */
export function seedSpec(max: number): ParamSpec {
  return { kind: 'int', key: 'seed', label: 'Seed', min: -1, max, default: -1 };
}

/** `camera_fixed`, default false on every provider that has it. */
export const cameraFixedSpec: ParamSpec = { kind: 'bool', key: 'cameraFixed', label: 'Fixed camera', default: false };

/** `generate_audio`, default true on every provider that has it (1.5 Pro and 2.0). */
export const generateAudioSpec: ParamSpec = { kind: 'bool', key: 'generateAudio', label: 'Generate audio', default: true };

/** `watermark`, default false. */
export const watermarkSpec: ParamSpec = { kind: 'bool', key: 'watermark', label: 'Watermark', default: false };

/** `service_tier`: `flex` is the offline tier, half price and slower (Novita 1.5, ModelArk 1.5). */
export const serviceTierSpec: ParamSpec = {
  kind: 'enum',
  key: 'serviceTier',
  label: 'Service tier',
  options: ['default', 'flex'],
  default: 'default',
};

/** The six fixed ratios every Seedance model offers, in the providers' order. */
export const SIX_RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];
