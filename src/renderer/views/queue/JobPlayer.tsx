import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/client';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';

type PlayerState = { status: 'loading' } | { status: 'ready'; url: string; poster: string | null } | { status: 'error'; message: string };

/**
 * The finished job's video, inline, with the browser's own controls (play, seek, volume, full
 * screen). Its URL (`media://…` or the harness's `/media/…`) comes from the library clip the job
 * was filed as (`library:get`). Mount it with `key={clipId}`: it loads once per clip.
 */
export function JobPlayer({ clipId }: { clipId: string }) {
  const { t } = useTranslation('queue');
  const requests = useStudio((s) => s.jobs.requests);
  const [state, setState] = useState<PlayerState>({ status: 'loading' });

  useEffect(() => {
    if (!requests) return;
    let live = true;
    requests.library.get({ id: clipId }).then(
      (clip) => {
        if (!live) return;
        if (clip.playUrl) setState({ status: 'ready', url: clip.playUrl, poster: clip.posterUrl });
        else setState({ status: 'error', message: i18n.t('queue:player.missing') });
      },
      (err: unknown) => {
        if (live) setState({ status: 'error', message: describeError(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [clipId, requests]);

  if (state.status === 'loading') return <div className="job-player job-player-empty">{t('player.loading')}</div>;
  if (state.status === 'error') return <div className="job-player job-player-empty">{state.message}</div>;
  return <video className="job-player" src={state.url} poster={state.poster ?? undefined} controls preload="metadata" aria-label={t('player.label')} />;
}
