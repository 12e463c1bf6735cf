/**
 * The resource key of each setting name `takeDifferences` writes (src/shared/jobs/takes.ts `NAMES`):
 * the Queue and the Library both say in the UI's language how one take differs from another.
 */
const TAKE_SETTING_KEYS = {
  seed: 'seed',
  duration: 'duration',
  resolution: 'resolution',
  'aspect ratio': 'aspectRatio',
  camera: 'camera',
  audio: 'audio',
  watermark: 'watermark',
  'service tier': 'serviceTier',
} as const;

/** A key under a namespace's take settings (`seed`, `aspectRatio`, …). */
export type TakeSettingKey = (typeof TAKE_SETTING_KEYS)[keyof typeof TAKE_SETTING_KEYS];

/** The resource key of a `takeDifferences` name, or null for a name this build does not know (shown as it is). */
export function takeSettingKey(name: string): TakeSettingKey | null {
  return Object.prototype.hasOwnProperty.call(TAKE_SETTING_KEYS, name) ? TAKE_SETTING_KEYS[name as keyof typeof TAKE_SETTING_KEYS] : null;
}
