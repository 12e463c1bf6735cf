import type { Handlers } from '../../shared/contract/index';
import type { SettingsStore } from './store';

/** Handlers for the `settings` domain. */
export function createSettingsHandlers(deps: { settings: SettingsStore }): Handlers['settings'] {
  return {
    get: () => deps.settings.get(),
    update: ({ patch }) => deps.settings.update(patch),
  };
}
