import { StudioError } from '../../shared/contract/result';

/**
 * Why a reference video or audio file could not be used, as a stable code:
 * - `unreadable`: no such file, not a regular file, empty, or no permission to read it;
 * - `not_media`: ffprobe found no audio or video stream in it (a text file, an image, a broken file);
 * - `tool_failed`: ffprobe or ffmpeg could not run or gave up (the log has its last words).
 */
export type MediaErrorCode = 'unreadable' | 'not_media' | 'tool_failed';

/** The one error the media domain throws for bad input; `message` is plain words naming the file by its base name. */
export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

/** A media id the service never handed out (or handed out before its index was lost). */
export class UnknownMediaError extends Error {
  constructor(readonly mediaId: string) {
    super('This video or audio file is no longer known to the app. Add it again.');
    this.name = 'UnknownMediaError';
  }
}

/** Runs media work, turning its `MediaError` into `StudioError('BAD_INPUT')` (details: `{ reason: code }`), as it crosses to main. */
export async function asStudioError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof MediaError) throw new StudioError('BAD_INPUT', err.message, { reason: err.code });
    throw err;
  }
}
