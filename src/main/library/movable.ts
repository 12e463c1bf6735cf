import { resolve } from 'node:path';
import { StudioError } from '../../shared/contract/result';
import { describeFsError } from './disk';
import { createLibrary, type Library, type LibraryDeps } from './library';
import { moveClipFolders, type MoveReport } from './move';
import { said } from '../../shared/messages/phrase';

/** A library whose folder can change while the app runs. */
export interface MovableLibrary extends Library {
  /**
   * Moves the library to `dir` (absolute, existing, writable: `usableLibraryDir` checked it) with
   * its clips (see `moveClipFolders`) and reopens it there. Calls made meanwhile wait and then run
   * against the new folder; calls already running finish first. Emits `onChange` with every clip
   * id in the new folder, since every clip's paths changed. Throws `StudioError('UNAVAILABLE')` when
   * the clips could not be moved — they are then all back in the old folder, which stays in use.
   */
  moveTo(dir: string): Promise<MoveReport>;
}

/** Opens the library at `deps.libraryDir` (as `createLibrary`), able to move to another folder. */
export function createMovableLibrary(deps: LibraryDeps): MovableLibrary {
  let current = createLibrary(deps);
  /** Resolves when no move is under way; library calls wait on it. */
  let gate: Promise<void> = Promise.resolve();
  /** Calls running against the library in use; a move waits for them (calls waiting on `gate` are not here yet). */
  const running = new Set<Promise<unknown>>();
  const listeners = new Set<(ids: string[]) => void>();
  const emit = (ids: string[]) => {
    for (const listener of listeners) listener(ids);
  };
  let unforward = current.onChange(emit);

  /** Runs `fn` on the library in use once any move has finished. */
  function via<T>(fn: (library: Library) => Promise<T>): Promise<T> {
    return gate.then(() => {
      const run = fn(current);
      const tracked = run.catch(() => undefined);
      running.add(tracked);
      void tracked.then(() => running.delete(tracked));
      return run;
    });
  }

  async function allIds(library: Library): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await library.list({ offset, limit: 500 });
      ids.push(...page.items.map((c) => c.id));
      if (offset + 500 >= page.total) return ids;
    }
  }

  async function move(dir: string): Promise<MoveReport> {
    const old = current;
    await old.ready.catch(() => undefined);
    if (resolve(dir) === resolve(old.dir)) return { moved: [], leftBehind: [] };
    await Promise.all([...running]);
    // Stops the old folder's watcher (our own moves would read as deletions) and settles its trash.
    await old.dispose();
    let report: MoveReport;
    try {
      report = await moveClipFolders(old.dir, dir, deps.log);
    } catch (err) {
      current = createLibrary({ ...deps, libraryDir: old.dir });
      unforward();
      unforward = current.onChange(emit);
      throw new StudioError('UNAVAILABLE', said('library.notMoved', { why: describeFsError(err) }));
    }
    current = createLibrary({ ...deps, libraryDir: dir });
    unforward();
    unforward = current.onChange(emit);
    emit(await allIds(current));
    return report;
  }

  return {
    get dir() {
      return current.dir;
    },
    get ready() {
      return gate.then(() => current.ready);
    },
    addClip: (input) => via((l) => l.addClip(input)),
    list: (query) => via((l) => l.list(query)),
    get: (id) => via((l) => l.get(id)),
    sidecarText: (id) => via((l) => l.sidecarText(id)),
    update: (id, patch) => via((l) => l.update(id, patch)),
    trash: (id) => via((l) => l.trash(id)),
    restore: (id) => via((l) => l.restore(id)),
    lastFrame: (id) => via((l) => l.lastFrame(id)),
    lineage: (id) => via((l) => l.lineage(id)),
    // An index read, answered by the library in use (during a move, the one being left: same clips).
    take: (id) => current.take(id),
    stats: () => via((l) => l.stats()),
    cleanInputs: () => via((l) => l.cleanInputs()),
    refresh: () => via((l) => l.refresh()),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    moveTo(dir) {
      const run = gate.then(() => move(dir));
      gate = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    dispose: () => gate.then(() => current.dispose()),
  };
}
