import { taskLocks } from '../../../shared/catalog/task-type';
import type { ModelEntry } from '../../../shared/catalog/types';
import type { DraftSeed } from '../../../shared/drafts/draft';
import type { ClipSidecar } from '../../../shared/library/sidecar';
import { promptStarter, type SourceTask } from '../../../shared/library/source-video';

/** How the source video reaches the draft: a media id of the clip's file, or the clip's own result link (ModelArk). */
export type SourceVideo = { mediaId: string } | { url: string };

/**
 * A `drafts:create` seed for **Edit…** / **Extend…** (issue 15 §2): Seedance 2.5 row `entry` with
 * `task` set, the clip as the first (and only) reference video — the source (seedance-2.5.md §2.2)
 * —, the task's prompt starter (`promptStarter`), the task's locks applied (edit: the source's
 * ratio and length; extend: the source's ratio, `taskLocks`), the clip's resolution and sound
 * setting kept where the row offers them (the drafts store fits the rest to the row), and the
 * lineage (`sourceClip`) the job records while that video stays the source. Pure.
 */
export function sourceSeed(sidecar: Pick<ClipSidecar, 'id' | 'parameters'>, entry: ModelEntry, task: SourceTask, video: SourceVideo): DraftSeed {
  const locks = taskLocks(entry, { task });
  const reference = 'mediaId' in video ? { kind: 'video' as const, id: video.mediaId } : { kind: 'video' as const, url: video.url };
  return {
    modelId: entry.id,
    prompt: promptStarter(task),
    task,
    references: [reference],
    params: {
      resolution: sidecar.parameters.resolution,
      ...(sidecar.parameters.generateAudio !== undefined ? { generateAudio: sidecar.parameters.generateAudio } : {}),
      ...(locks.aspectRatio ? { aspectRatio: locks.aspectRatio } : {}),
      ...(locks.duration !== undefined ? { duration: locks.duration } : {}),
    },
    sourceClip: { clipId: sidecar.id, ...video },
  };
}
