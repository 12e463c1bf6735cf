import { useEffect, useState } from 'react';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { promptExcerpt } from './job-text';
import { hueOf, thumbnailFor } from './thumbs';

/**
 * The row's picture: the job's first frame when it has one main can still show, otherwise a colour
 * tile (hue from the job id) with the start of the prompt. Decorative: the row says it in words.
 */
export function JobThumb({ job, size = 'row' }: { job: Pick<JobView, 'id' | 'params'>; size?: 'row' | 'panel' }) {
  const requests = useStudio((s) => s.jobs.requests);
  const imageId = job.params.firstFrame;
  // Remembers which image the URL belongs to, so a row reused for another job never shows the old picture.
  const [loaded, setLoaded] = useState<{ imageId: string; url: string | null } | null>(null);
  const url = loaded && loaded.imageId === imageId ? loaded.url : null;

  useEffect(() => {
    if (!imageId || !requests) return;
    let live = true;
    void thumbnailFor(requests, imageId).then((found) => {
      if (live) setLoaded({ imageId, url: found });
    });
    return () => {
      live = false;
    };
  }, [imageId, requests]);

  if (url) return <img className="job-thumb" data-size={size} src={url} alt="" draggable={false} />;
  return (
    <span className="job-thumb job-tile" data-size={size} aria-hidden="true" style={{ ['--tile-hue' as string]: String(hueOf(job.id)) }}>
      {promptExcerpt(job.params.prompt, 48)}
    </span>
  );
}
