import { Sparkles } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';

/** Compose: first/last frame, prompt, model and parameters, Generate. */
export function ComposeView() {
  return (
    <>
      <ViewHeader title="Compose" subtitle="Start a video from a prompt, a first frame, or a first and last frame." />
      <EmptyState icon={Sparkles} title="Nothing to compose with yet">
        <p>This build has no model catalog, so there is no model to generate with.</p>
        <p>Once models are available, pick one, drop a first frame, write a prompt and press Generate.</p>
      </EmptyState>
    </>
  );
}
