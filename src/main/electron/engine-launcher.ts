import { utilityProcess } from 'electron';
import { engineEnv, type EngineChannel, type LaunchEngine } from '../jobs/engine-host';

/**
 * The Electron host's `LaunchEngine`: runs the engine bundle (`entry`, absolute path of
 * `out/main/engine-process.js`) in an Electron utility process, so polling and downloads never
 * block the UI thread and an engine crash leaves the window alive (the engine host restarts it).
 * Inside, the engine talks over `process.parentPort`. The child gets `env` (default `process.env`)
 * without provider keys.
 */
export function utilityEngineLauncher(options: { entry: string; env?: NodeJS.ProcessEnv }): LaunchEngine {
  return (): EngineChannel => {
    const env = engineEnv(options.env ?? process.env);
    const child = utilityProcess.fork(options.entry, [], { serviceName: 'Seedance job engine', stdio: 'inherit', env });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    return {
      get pid() {
        return child.pid;
      },
      send(message) {
        // Messages posted after exit would be lost silently anyway; the host re-sends after a restart.
        if (!exited) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
      onExit: (listener) => child.once('exit', (code: number) => listener(code)),
      kill() {
        if (!exited) child.kill();
      },
    };
  };
}
