import type { Handlers } from '../../shared/contract/index';
import { StudioError } from '../../shared/contract/result';

const NOT_YET = 'Reference videos and audio are not available in this build yet.';

/**
 * Handlers for the `media` domain (reference videos and audio). Placeholder until the media
 * service lands: every call answers `UNAVAILABLE` with a plain message.
 */
export function createMediaHandlers(): Handlers['media'] {
  const unavailable = (): never => {
    throw new StudioError('UNAVAILABLE', NOT_YET);
  };
  return { import: unavailable, importBytes: unavailable, info: unavailable, check: unavailable, fix: unavailable };
}
