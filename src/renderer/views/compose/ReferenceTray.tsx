import { CircleAlert, FilePlus2, Layers, Link2, LoaderCircle, Plus } from 'lucide-react';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaLimits, ModelEntry, ReferenceKind } from '../../../shared/catalog/types';
import type { ReferenceCheck, ReferenceItemCheck } from '../../../shared/contract/media';
import { i18n } from '../../i18n/index';
import { countByKind, numberAt, referenceTags } from '../../../shared/drafts/reference-tags';
import { addReferenceFiles, addReferenceUrl, fixReference } from '../../store/compose/reference-actions';
import { referenceKey } from '../../store/compose/reference-edits';
import { filesFrom, REFERENCE_ACCEPT } from '../../store/compose/reference-files';
import type { Keyed } from '../../store/compose/frame-state';
import { useStudio } from '../../store/index';
import { PROVIDER_LABELS } from '../settings/providers';
import { tileFacts } from './reference-facts';
import { ReferenceTile } from './ReferenceTile';
import './references.css';

interface ReferenceTrayProps {
  model: ModelEntry & { references: NonNullable<ModelEntry['references']> };
  /** The tray's hidden file input, for Ctrl/Cmd+O. */
  inputRef: RefObject<HTMLInputElement | null>;
  shortcut: string;
}

/** An example address for the URL field: not words, the same in every language. */
const URL_EXAMPLE = 'https://…/clip.mp4';
/** The kinds in tag order (images, videos, audio). */
const KINDS: readonly ReferenceKind[] = ['image', 'video', 'audio'];

/**
 * The reference tray of a reference-to-video job (issue 13): drop, paste or pick images, videos and
 * audio — several at once — or give a reference video by URL where the provider takes them only so
 * (ModelArk). A list of tiles in tag order (images, videos, audio), each with its tag, verdict,
 * Move earlier/later and Remove; Alt+arrows reorder the focused tile and focus follows it; every
 * change is announced. Counts show against the row's limits (`ModelEntry.references`).
 */
export function ReferenceTray({ model, inputRef, shortcut }: ReferenceTrayProps) {
  const references = useStudio((s) => s.compose.draft?.references ?? []);
  const images = useStudio((s) => s.compose.images);
  const media = useStudio((s) => s.compose.media);
  const check = useStudio((s) => s.compose.referenceCheck);
  const importing = useStudio((s) => s.compose.referenceImport);
  const announcement = useStudio((s) => s.compose.trayAnnouncement);
  const [dragging, setDragging] = useState(false);
  const tileRefs = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef<string | null>(null);
  const rules = model.references;
  const tags = referenceTags(references);
  const counts = countByKind(references);
  const urlOnly = rules.videos.transport === 'public-url';
  const provider = PROVIDER_LABELS[model.provider].name;
  const listId = useId();
  const { t } = useTranslation('compose');

  // After a move or removal, focus stays on the moved tile, or lands on its neighbour.
  useEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    focusNext.current = null;
    tileRefs.current.get(key)?.focus();
  }, [references]);

  const add = (files: File[]) => void addReferenceFiles(useStudio, files); // Records its own failures.
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(filesFrom(e.dataTransfer));
  };
  const move = (index: number, delta: -1 | 1) => {
    const item = references[index];
    const tag = tags[index];
    if (!item || !tag || !useStudio.getState().compose.moveReference(index, delta)) return;
    const key = referenceKey(item);
    focusNext.current = key;
    const after = useStudio.getState().compose.draft?.references ?? [];
    const now = referenceTags(after)[after.findIndex((r) => referenceKey(r) === key)] ?? tag;
    useStudio.getState().compose.announceTray(i18n.t('compose:tray.moved', { tag, now }));
  };
  const remove = (index: number) => {
    const tag = tags[index];
    const neighbour = references[index + 1] ?? references[index - 1];
    useStudio.getState().compose.removeReference(index);
    focusNext.current = neighbour ? referenceKey(neighbour) : null;
    useStudio.getState().compose.announceTray(i18n.t('compose:tray.removed', { tag: tag ?? i18n.t('compose:tray.theReference') }));
    if (!neighbour) inputRef.current?.closest('section')?.querySelector<HTMLElement>('.ref-add')?.focus();
  };
  /** What the fix buttons say for an item of `kind`: trimming goes to the row's longest clip of that kind. */
  const fixLabels = (kind: ReferenceKind) => {
    const max = kind === 'audio' ? rules.audios.maxSeconds : rules.videos.maxSeconds;
    return { reencode: t('tray.reencode'), trim: max ? t('tray.trimTo', { n: max }) : t('tray.trim') };
  };

  return (
    <section
      className="ref-tray"
      aria-label={t('tray.title')}
      data-dragging={dragging || undefined}
      onDragOver={(e) => {
        if (!Array.from(e.dataTransfer.types).includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="ref-tray-head">
        <h2 className="compose-label">
          <Layers aria-hidden="true" size={15} />
          {t('tray.title')}
        </h2>
        <span className="ref-counts">
          {KINDS.map((kind) => {
            const max = kind === 'image' ? rules.maxImages : kind === 'video' ? rules.videos.max : rules.audios.max;
            return (
              <span key={kind} className="ref-count" data-over={counts[kind] > max || undefined}>
                {t('tray.count', { n: counts[kind], max, kind: t(`tray.kindPlural.${kind}`) })}
              </span>
            );
          })}
          {rules.maxFiles ? <span className="ref-count">{t('tray.maxFiles', { n: rules.maxFiles })}</span> : null}
        </span>
        <button type="button" className="button subtle ref-add" onClick={() => inputRef.current?.click()}>
          <Plus aria-hidden="true" size={15} />
          {t('tray.add')}
        </button>
      </header>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={REFERENCE_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('tray.choose')}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // Picking the same files again must fire `change` again.
          add(files);
        }}
      />
      {references.length ? (
        <ul id={listId} className="ref-list" aria-label={t('tray.list')}>
          {references.map((item, index) => {
            const key = referenceKey(item);
            const itemCheck = itemCheckAt(check, index);
            return (
              <ReferenceTile
                key={key}
                item={item}
                n={numberAt(references, index)}
                tag={tags[index] ?? ''}
                facts={tileFacts(item, images, media)}
                check={itemCheck}
                canMoveEarlier={references.slice(0, index).some((r) => r.kind === item.kind)}
                canMoveLater={references.slice(index + 1).some((r) => r.kind === item.kind)}
                fixLabels={fixLabels(item.kind)}
                itemRef={(el) => {
                  if (el) tileRefs.current.set(key, el);
                  else tileRefs.current.delete(key);
                }}
                onMove={(delta) => move(index, delta)}
                onRemove={() => remove(index)}
                onFix={(action) => fixReference(useStudio, index, action)}
              />
            );
          })}
        </ul>
      ) : null}
      <button type="button" className="drop-zone ref-drop" onClick={() => inputRef.current?.click()}>
        {importing.pending ? <LoaderCircle className="spin" aria-hidden="true" size={22} /> : <FilePlus2 aria-hidden="true" size={22} strokeWidth={1.5} />}
        <span className="drop-zone-title">
          {importing.pending
            ? t('tray.reading', { count: importing.pending })
            : t(urlOnly ? 'tray.dropUrlOnly' : 'tray.drop', { shortcut })}
        </span>
        <span className="drop-zone-sub">
          {t('tray.limits', { images: rules.maxImages, videos: rules.videos.max, audios: rules.audios.max })}
        </span>
      </button>
      {urlOnly ? <UrlField provider={provider} limits={rules.videos} /> : null}
      {check.status === 'error' ? (
        <p className="compose-error ref-tray-error" role="alert">
          <CircleAlert aria-hidden="true" size={14} /> {t('tray.checkError', { message: check.message })}
        </p>
      ) : null}
      {importing.errors.map((error) => (
        <p key={error} className="compose-error ref-tray-error" role="alert">
          {error}
        </p>
      ))}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

/** The verdict of the item at `index`: `busy` while the tray is being checked, null when there is none. */
function itemCheckAt(check: Keyed<ReferenceCheck>, index: number): ReferenceItemCheck | 'busy' | null {
  if (check.status === 'done') return check.value.items.find((c) => c.index === index) ?? null;
  return check.status === 'busy' ? 'busy' : null;
}

/** The URL field for reference videos on rows that take them only by public URL (ModelArk). */
function UrlField({ provider, limits }: { provider: string; limits: MediaLimits }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const { t } = useTranslation('compose');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const refused = addReferenceUrl(useStudio, url);
    setError(refused);
    if (!refused) setUrl('');
  };
  return (
    <form className="ref-url" onSubmit={onSubmit}>
      <label htmlFor={id} className="param-label">
        <Link2 aria-hidden="true" size={14} />
        {t('tray.urlLabel')}
      </label>
      <div className="ref-url-row">
        <input
          id={id}
          type="url"
          inputMode="url"
          className="param-input"
          placeholder={URL_EXAMPLE}
          value={url}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" className="button subtle">
          {t('tray.urlAdd')}
        </button>
      </div>
      <p id={`${id}-note`} className={error ? 'compose-error' : 'param-help'}>
        {error ?? t('tray.urlHelp', { provider, limits: describeLimits(limits) })}
      </p>
    </form>
  );
}

/** "MP4 or MOV, 2–15 s each" from a row's video limits, in the UI's language. */
function describeLimits(limits: MediaLimits): string {
  const formats = limits.formats.map((f) => f.toUpperCase());
  const list = formats.length > 1 ? i18n.t('compose:tray.formatsOr', { list: formats.slice(0, -1).join(', '), last: formats.at(-1) }) : (formats[0] ?? '');
  const seconds =
    limits.minSeconds !== undefined && limits.maxSeconds !== undefined
      ? i18n.t('compose:tray.secondsRange', { min: limits.minSeconds, max: limits.maxSeconds })
      : limits.maxSeconds !== undefined
        ? i18n.t('compose:tray.secondsUpTo', { max: limits.maxSeconds })
        : '';
  return `${list}${seconds}`;
}
