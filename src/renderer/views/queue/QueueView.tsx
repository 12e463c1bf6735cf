import { ListVideo } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';

/** Queue: every job from queued to downloaded, with its state and actions. */
export function QueueView() {
  return (
    <>
      <ViewHeader title="Queue" subtitle="Jobs waiting, generating and downloading, in the order they will be sent." />
      <EmptyState icon={ListVideo} title="No jobs yet">
        <p>Jobs you start from Compose appear here with their state, progress and cost.</p>
        <p>Work queued while offline is sent when the network returns.</p>
      </EmptyState>
    </>
  );
}
