import type { ReactNode } from 'react';
import type { ClipDetail } from '../../../shared/contract/library';
import { AUTO_DURATION } from '../../../shared/catalog/task-type';
import { bytes, dateTime, MODE_LABEL, modelName, PROVIDER_LABEL, seconds, span, usd } from './format';
import { CopyButton } from './CopyButton';

/** The full prompt, with a Copy button. */
export function ClipPrompt({ prompt }: { prompt: string }) {
  return (
    <section className="clip-prompt-full" aria-labelledby="facts-prompt">
      <div className="facts-heading">
        <h3 id="facts-prompt">Prompt</h3>
        <CopyButton text={prompt} label="prompt" />
      </div>
      <p className="clip-full-prompt">{prompt.trim() || <em>No prompt</em>}</p>
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
  const t = s.timings;
  const waited = t.processingStartedAt !== undefined ? t.processingStartedAt - t.submittedAt : undefined;
  const generated = t.processingStartedAt !== undefined ? t.completedAt - t.processingStartedAt : t.completedAt - t.submittedAt;
  const usage = s.cost.usage;
  return (
    <div className="clip-facts">
      <section aria-labelledby="facts-made">
        <h3 id="facts-made">How it was made</h3>
        <dl className="fact-list">
          <Fact term="Provider">{PROVIDER_LABEL[s.provider]}</Fact>
          <Fact term="Model">
            {modelName(s.modelId)}
            {modelName(s.modelId) !== s.modelId ? (
              <>
                {' '}
                <code className="fact-code">{s.modelId}</code>
              </>
            ) : null}
          </Fact>
          <Fact term="Mode">{MODE_LABEL[s.mode].long}</Fact>
          <Fact term="Resolution">{p.resolution}</Fact>
          <Fact term="Aspect ratio">{p.aspectRatio === clip.aspectRatio ? p.aspectRatio : `${p.aspectRatio} (came out ${clip.aspectRatio})`}</Fact>
          <Fact term="Duration asked">{p.duration === AUTO_DURATION ? 'Auto' : seconds(p.duration)}</Fact>
          <Fact term="Seed">
            {s.seed ?? 'not reported'}
            {p.seed !== undefined && p.seed >= 0 && p.seed !== s.seed ? ` (asked ${p.seed})` : ''}
          </Fact>
          {p.cameraFixed !== undefined ? <Fact term="Camera fixed">{p.cameraFixed ? 'Yes' : 'No'}</Fact> : null}
          {p.generateAudio !== undefined ? <Fact term="Audio">{p.generateAudio ? 'Generated' : 'None'}</Fact> : null}
          {p.watermark !== undefined ? <Fact term="Watermark">{p.watermark ? 'Yes' : 'No'}</Fact> : null}
          {p.serviceTier !== undefined ? <Fact term="Service tier">{p.serviceTier}</Fact> : null}
          {p.draft ? <Fact term="Draft">{s.draft ? `Yes; can be made final until ${dateTime(s.draft.expiresAt)}` : 'Yes; the provider gave no draft id'}</Fact> : null}
          {p.finalOf ? <Fact term="Final of draft">{p.finalOf.clipId}</Fact> : null}
        </dl>
      </section>
      <section aria-labelledby="facts-output">
        <h3 id="facts-output">Output</h3>
        <dl className="fact-list">
          <Fact term="Size">
            {s.output.width} × {s.output.height} px
          </Fact>
          <Fact term="Length">{seconds(s.output.durationSec)}</Fact>
          {s.output.codec ? <Fact term="Codec">{s.output.codec}</Fact> : null}
          <Fact term="File">{bytes(s.video.bytes)}</Fact>
          <Fact term="SHA-256">
            <code className="fact-code" title={s.video.sha256}>
              {s.video.sha256.slice(0, 16)}…
            </code>
          </Fact>
          <Fact term="Folder">
            <code className="fact-code">{clip.folder}</code>
          </Fact>
          <Fact term="Created">{dateTime(s.createdAt)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="facts-task">
        <h3 id="facts-task">Task</h3>
        <dl className="fact-list">
          <Fact term="Task id">
            <code className="fact-code">{s.providerTaskId}</code> <CopyButton text={s.providerTaskId} label="task id" />
          </Fact>
          <Fact term="Queued">{dateTime(t.queuedAt)}</Fact>
          <Fact term="Sent">{dateTime(t.submittedAt)}</Fact>
          {waited !== undefined ? <Fact term="Waiting at provider">{span(waited)}</Fact> : null}
          <Fact term="Generating">{span(generated)}</Fact>
          <Fact term="Downloaded">{dateTime(t.downloadedAt)}</Fact>
          <Fact term="App version">{s.appVersion}</Fact>
        </dl>
      </section>
      <section aria-labelledby="facts-cost">
        <h3 id="facts-cost">Cost</h3>
        <dl className="fact-list">
          <Fact term="Estimate">{s.cost.estimate ? `≈ ${usd(s.cost.estimate.usd)}, prices as of ${s.cost.estimate.asOf}` : 'none'}</Fact>
          <Fact term="Reported">
            {usage
              ? [usage.usd !== undefined ? usd(usage.usd) : null, usage.tokens !== undefined ? `${usage.tokens.toLocaleString()} tokens` : null, usage.credits !== undefined ? `${usage.credits} credits` : null]
                  .filter(Boolean)
                  .join(' · ') || 'nothing'
              : 'not reported'}
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
