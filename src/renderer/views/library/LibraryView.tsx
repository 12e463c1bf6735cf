import { Film } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';

/** Library: every finished video, downloaded to disk with its prompt and settings. */
export function LibraryView() {
  return (
    <>
      <ViewHeader title="Library" subtitle="Every finished video, kept on this computer with the prompt and settings that made it." />
      <EmptyState icon={Film} title="Your library is empty">
        <p>Each video is downloaded here as soon as it is ready — provider links expire within hours.</p>
      </EmptyState>
    </>
  );
}
