import type { FileStore } from './files';
import type { RenderOutput, RenderSpec, Renderer } from './render';
import type { FailureKind, SimProvider } from './types';

/** A simulated task. Its state is a function of the clock (see `TaskStore.view`), never of poll counts. */
export interface SimTask<M = Record<string, unknown>> {
  id: string;
  provider: SimProvider;
  model: string;
  /** ms since the epoch. */
  createdAt: number;
  /** Time in the queue, then time running, in ms (already multiplied by `timeScale`). */
  queueMs: number;
  runMs: number;
  /** Null for tasks that fail or never finish: nothing to render. */
  spec: RenderSpec | null;
  wantLastFrame: boolean;
  failure?: FailureKind;
  neverFinish: boolean;
  /** Result URL lifetime, counted from the moment the task is first seen succeeded. */
  ttlMs: number;
  cancelledAt?: number;
  output?: RenderOutput;
  renderError?: string;
  result?: { url: string; expiresAt: number; lastFrameUrl?: string; finishedAt: number };
  /** Provider-specific echo data (seed, ratio, endpoint …). */
  meta: M;
}

/** A task's state at one instant, in the simulator's neutral terms; providers map it to their own. */
export interface TaskView {
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** 0–100. */
  progress: number;
  /** Seconds until done (0 once finished). */
  etaSeconds: number;
  /** Tasks of the same provider ahead in the queue (0 = next), while queued. */
  queuePosition: number;
  /** Set when failed: the injected kind, or `internal` when ffmpeg failed. */
  failure?: FailureKind;
}

export interface CreateTask<M> {
  id: string;
  provider: SimProvider;
  model: string;
  spec: RenderSpec | null;
  wantLastFrame?: boolean;
  failure?: FailureKind;
  neverFinish?: boolean;
  ttlMs: number;
  meta: M;
}

/**
 * All tasks of all providers, with the clock that moves them: queued for `queueMs`, running for
 * `runMs` (progress rises linearly, capped at 99 until the render is ready), then succeeded/failed.
 * Rendering starts at submit so that the video is usually ready when the run time ends.
 */
export class TaskStore {
  private readonly tasks = new Map<string, SimTask>();

  constructor(
    private readonly renderer: Renderer,
    private readonly files: FileStore,
    private readonly timing: { queueMs: number; runMs: number },
    /** Told when a render fails (the task then fails as the provider's internal error). */
    private readonly onRenderError: (taskId: string, message: string) => void,
  ) {}

  create<M extends Record<string, unknown>>(c: CreateTask<M>): SimTask<M> {
    const task: SimTask<M> = {
      id: c.id,
      provider: c.provider,
      model: c.model,
      createdAt: Date.now(),
      queueMs: this.timing.queueMs,
      runMs: this.timing.runMs,
      spec: c.failure || c.neverFinish ? null : c.spec,
      wantLastFrame: c.wantLastFrame ?? false,
      failure: c.failure,
      neverFinish: c.neverFinish ?? false,
      ttlMs: c.ttlMs,
      meta: c.meta,
    };
    this.tasks.set(task.id, task as SimTask);
    if (task.spec) {
      this.renderer.render(task.spec, task.wantLastFrame).then(
        (o) => (task.output = o),
        (e: unknown) => {
          task.renderError = e instanceof Error ? e.message : String(e);
          // A failed render fails the task as the provider's internal error; say why, or it is undiagnosable.
          this.onRenderError(task.id, task.renderError);
        },
      );
    }
    return task;
  }

  get<M = Record<string, unknown>>(id: string): SimTask<M> | undefined {
    return this.tasks.get(id) as SimTask<M> | undefined;
  }

  delete(id: string): void {
    this.tasks.delete(id);
  }

  /** Tasks of one provider, newest first. */
  list(provider: SimProvider): SimTask[] {
    return [...this.tasks.values()].filter((t) => t.provider === provider).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Cancels a task that is still queued (fal, ModelArk only allow that). */
  cancel(id: string): 'cancelled' | 'not-queued' | 'not-found' {
    const t = this.tasks.get(id);
    if (!t) return 'not-found';
    if (this.view(t).state !== 'queued') return 'not-queued';
    t.cancelledAt = Date.now();
    return 'cancelled';
  }

  /** The task's state now. Publishes the result URL(s) the first time it is seen succeeded. */
  view(t: SimTask): TaskView {
    const now = Date.now();
    if (t.cancelledAt !== undefined) return { state: 'cancelled', progress: 0, etaSeconds: 0, queuePosition: 0 };
    const elapsed = now - t.createdAt;
    const total = t.queueMs + t.runMs;
    const eta = Math.max(0, Math.ceil((total - elapsed) / 1000));
    if (elapsed < t.queueMs) {
      const ahead = [...this.tasks.values()].filter(
        (o) => o !== t && o.provider === t.provider && o.createdAt < t.createdAt && o.cancelledAt === undefined && now - o.createdAt < o.queueMs,
      ).length;
      return { state: 'queued', progress: 0, etaSeconds: eta, queuePosition: ahead };
    }
    const runProgress = Math.min(99, Math.floor((100 * (elapsed - t.queueMs)) / Math.max(1, t.runMs)));
    if (elapsed < total || t.neverFinish) return { state: 'running', progress: runProgress, etaSeconds: Math.max(eta, t.neverFinish ? 1 : 0), queuePosition: 0 };
    if (t.failure) return { state: 'failed', progress: 100, etaSeconds: 0, queuePosition: 0, failure: t.failure };
    if (t.renderError) return { state: 'failed', progress: 100, etaSeconds: 0, queuePosition: 0, failure: 'internal' };
    if (!t.output) return { state: 'running', progress: 99, etaSeconds: 1, queuePosition: 0 };
    if (!t.result) {
      const video = this.files.addResult(t.provider, t.output.video, 'video/mp4', 'output.mp4', t.ttlMs, t.id);
      const last = t.output.lastFrame ? this.files.addResult(t.provider, t.output.lastFrame, 'image/png', 'last_frame.png', t.ttlMs, t.id) : undefined;
      t.result = { url: video.url, expiresAt: video.expiresAt, lastFrameUrl: last?.url, finishedAt: now };
    }
    return { state: 'succeeded', progress: 100, etaSeconds: 0, queuePosition: 0 };
  }
}
