import { utilityProcess } from 'electron';
import type { EngineLauncher, EngineProcess } from '../jobs/launcher-types';

/**
 * An `EngineLauncher` that runs the job engine bundle (`out/main/engine-process.js`, absolute
 * path in `modulePath`) in an Electron utility process, so polling and downloads never block the
 * UI thread and a crash of the engine leaves the window alive. Inside, the engine talks over
 * `process.parentPort`. The child inherits `env` (default `process.env`).
 */
export function createUtilityEngineLauncher(modulePath: string, env: NodeJS.ProcessEnv = process.env): EngineLauncher {
  return (): EngineProcess => {
    const child = utilityProcess.fork(modulePath, [], { serviceName: 'Seedance job engine', stdio: 'inherit', env });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    return {
      postMessage(message) {
        if (!exited) child.postMessage(message);
      },
      onMessage(listener) {
        const wrapped = (message: unknown) => listener(message);
        child.on('message', wrapped);
        return () => {
          child.off('message', wrapped);
        };
      },
      onExit(listener) {
        const wrapped = (code: number) => listener(code);
        child.once('exit', wrapped);
        return () => {
          child.off('exit', wrapped);
        };
      },
      kill() {
        if (!exited) child.kill();
      },
    };
  };
}
