/** The localStorage entry that remembers the demo explanation was dismissed (per installation, like a window size). */
export const DEMO_INTRO_KEY = 'seedance-studio.demo-intro-dismissed';
