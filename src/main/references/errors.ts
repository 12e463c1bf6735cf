import { StudioError } from '../../shared/contract/result';
import { messageOf, phraseOf, saidOf } from '../../shared/messages/error-said';
import { said, type Phrase, type Said } from '../../shared/messages/phrase';

/**
 * Why a reference video or audio file could not be used, as a stable code:
 * - `unreadable`: no such file, not a regular file, empty, or no permission to read it;
 * - `not_media`: ffprobe found no audio or video stream in it (a text file, an image, a broken file);
 * - `tool_failed`: ffprobe or ffmpeg could not run or gave up (the log has its last words).
 */
export type MediaErrorCode = 'unreadable' | 'not_media' | 'tool_failed';

/**
 * The one error the media domain throws for bad input; `message` is plain words naming the file by
 * its base name, `phrase` the same sentence for the UI's language when built with `said()`.
 */
export class MediaError extends Error {
  readonly phrase?: Phrase;
  constructor(
    readonly code: MediaErrorCode,
    said: string | Said,
  ) {
    super(messageOf(said));
    this.name = 'MediaError';
    const p = phraseOf(said);
    if (p) this.phrase = p;
  }
}

/** A media id the service never handed out (or handed out before its index was lost). */
export class UnknownMediaError extends Error {
  readonly phrase: Phrase;
  constructor(readonly mediaId: string) {
    const { message, phrase } = said('media.unknown');
    super(message);
    this.name = 'UnknownMediaError';
    this.phrase = phrase;
  }
}

/** Runs media work, turning its `MediaError` into `StudioError('BAD_INPUT')` (details: `{ reason: code }`), as it crosses to main. */
export async function asStudioError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof MediaError) throw new StudioError('BAD_INPUT', saidOf(err), { reason: err.code });
    throw err;
  }
}
