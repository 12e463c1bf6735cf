/**
 * A running job-engine process as the engine host sees it: a message port plus life-cycle hooks.
 * The Electron host backs it with `utilityProcess.fork` (src/main/electron/engine-launcher.ts);
 * plain-Node hosts and tests back it with `child_process.fork`. Messages are structured-clone-able
 * values (the engine's command/event protocol); this type does not know their shape.
 */
export interface EngineProcess {
  /** Sends one message to the engine. Dropped silently once the process has exited. */
  postMessage(message: unknown): void;
  /** Calls `listener` for every message from the engine; returns a function that removes it. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Calls `listener` once when the process exits (exit code, or null when killed by a signal). */
  onExit(listener: (code: number | null) => void): () => void;
  /** Terminates the process. Idempotent. */
  kill(): void;
}

/** Starts a fresh engine process. The engine host calls it at start-up and again after a crash. */
export type EngineLauncher = () => EngineProcess;
