import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClipDetail } from '../../../shared/contract/library';
import { AUTO_DURATION } from '../../../shared/catalog/task-type';
import { formatNumber } from '../../i18n/format';
import { bytes, dateTime, MODE_LABEL, PROVIDER_LABEL, seconds, span, usd } from './format';
import { CopyButton } from './CopyButton';
import { modelName } from '../../i18n/model-name';

/** The full prompt, with a Copy button. */
export function ClipPrompt({ prompt }: { prompt: string }) {
  const { t } = useTranslation('library');
  return (
    <section className="clip-prompt-full" aria-labelledby="facts-prompt">
      <div className="facts-heading">
        <h3 id="facts-prompt">{t('prompt.title')}</h3>
        <CopyButton text={prompt} label={t('prompt.copyLabel')} />
      </div>
      <p className="clip-full-prompt">{prompt.trim() || <em>{t('prompt.none')}</em>}</p>
    </section>
  );
}

/**
 * Everything else the sidecar records, grouped as a person reads it: how it was made
 * (provider, model, parameters, seed), what came out (size, length, codec, file), the provider's
 * task with its timings, and the cost.
 */
export function ClipFacts({ clip }: { clip: ClipDetail }) {
  const s = clip.sidecar;
  const p = s.parameters;
  const times = s.timings;
  const waited = times.processingStartedAt !== undefined ? times.processingStartedAt - times.submittedAt : undefined;
  const generated = times.processingStartedAt !== undefined ? times.completedAt - times.processingStartedAt : times.completedAt - times.submittedAt;
  const usage = s.cost.usage;
  const { t } = useTranslation('library');
  return (
    <div className="clip-facts">
      <section aria-labelledby="facts-made">
        <h3 id="facts-made">{t('facts.made')}</h3>
        <dl className="fact-list">
          <Fact term={t('facts.provider')}>{PROVIDER_LABEL[s.provider]}</Fact>
          <Fact term={t('facts.model')}>
            {modelName(s.modelId)}
            {modelName(s.modelId) !== s.modelId ? (
              <>
                {' '}
                <code className="fact-code">{s.modelId}</code>
              </>
            ) : null}
          </Fact>
          <Fact term={t('facts.mode')}>{MODE_LABEL[s.mode].long}</Fact>
          <Fact term={t('facts.resolution')}>{p.resolution}</Fact>
          <Fact term={t('facts.aspectRatio')}>{p.aspectRatio === clip.aspectRatio ? p.aspectRatio : t('facts.cameOut', { asked: p.aspectRatio, actual: clip.aspectRatio })}</Fact>
          <Fact term={t('facts.durationAsked')}>{p.duration === AUTO_DURATION ? t('facts.auto') : seconds(p.duration)}</Fact>
          <Fact term={t('facts.seed')}>
            {s.seed ?? t('facts.seedNotReported')}
            {p.seed !== undefined && p.seed >= 0 && p.seed !== s.seed ? t('facts.seedAsked', { seed: p.seed }) : ''}
          </Fact>
          {p.cameraFixed !== undefined ? <Fact term={t('facts.cameraFixed')}>{p.cameraFixed ? t('facts.yes') : t('facts.no')}</Fact> : null}
          {p.generateAudio !== undefined ? <Fact term={t('facts.audio')}>{p.generateAudio ? t('facts.audioGenerated') : t('facts.audioNone')}</Fact> : null}
          {p.watermark !== undefined ? <Fact term={t('facts.watermark')}>{p.watermark ? t('facts.yes') : t('facts.no')}</Fact> : null}
          {p.serviceTier !== undefined ? <Fact term={t('facts.serviceTier')}>{p.serviceTier}</Fact> : null}
          {p.draft ? <Fact term={t('facts.draft')}>{s.draft ? t('facts.draftUntil', { date: dateTime(s.draft.expiresAt) }) : t('facts.draftNoId')}</Fact> : null}
          {p.finalOf ? <Fact term={t('facts.finalOf')}>{p.finalOf.clipId}</Fact> : null}
        </dl>
      </section>
      <section aria-labelledby="facts-output">
        <h3 id="facts-output">{t('facts.output')}</h3>
        <dl className="fact-list">
          <Fact term={t('facts.size')}>
            {t('facts.sizeValue', { width: s.output.width, height: s.output.height })}
          </Fact>
          <Fact term={t('facts.length')}>{seconds(s.output.durationSec)}</Fact>
          {s.output.codec ? <Fact term={t('facts.codec')}>{s.output.codec}</Fact> : null}
          <Fact term={t('facts.file')}>{bytes(s.video.bytes)}</Fact>
          <Fact term={t('facts.sha256')}>
            <code className="fact-code" title={s.video.sha256}>
              {s.video.sha256.slice(0, 16)}…
            </code>
          </Fact>
          <Fact term={t('facts.folder')}>
            <code className="fact-code">{clip.folder}</code>
          </Fact>
          <Fact term={t('facts.created')}>{dateTime(s.createdAt)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="facts-task">
        <h3 id="facts-task">{t('facts.task')}</h3>
        <dl className="fact-list">
          <Fact term={t('facts.taskId')}>
            <code className="fact-code">{s.providerTaskId}</code> <CopyButton text={s.providerTaskId} label={t('facts.taskIdCopyLabel')} />
          </Fact>
          <Fact term={t('facts.queued')}>{dateTime(times.queuedAt)}</Fact>
          <Fact term={t('facts.sent')}>{dateTime(times.submittedAt)}</Fact>
          {waited !== undefined ? <Fact term={t('facts.waiting')}>{span(waited)}</Fact> : null}
          <Fact term={t('facts.generating')}>{span(generated)}</Fact>
          <Fact term={t('facts.downloaded')}>{dateTime(times.downloadedAt)}</Fact>
          <Fact term={t('facts.appVersion')}>{s.appVersion}</Fact>
        </dl>
      </section>
      <section aria-labelledby="facts-cost">
        <h3 id="facts-cost">{t('facts.cost')}</h3>
        <dl className="fact-list">
          <Fact term={t('facts.estimate')}>{s.cost.estimate ? t('facts.estimateValue', { usd: usd(s.cost.estimate.usd), asOf: s.cost.estimate.asOf }) : t('facts.estimateNone')}</Fact>
          <Fact term={t('facts.reported')}>
            {usage
              ? [usage.usd !== undefined ? usd(usage.usd) : null, usage.tokens !== undefined ? t('facts.tokens', { n: formatNumber(usage.tokens) }) : null, usage.credits !== undefined ? t('facts.credits', { n: usage.credits }) : null]
                  .filter(Boolean)
                  .join(' · ') || t('facts.reportedNothing')
              : t('facts.notReported')}
          </Fact>
        </dl>
      </section>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
