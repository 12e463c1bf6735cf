import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Handlers } from '../../shared/contract/index';
import { createAppHandlers } from '../app/handlers';
import { createEventBus, type EventBus } from '../ipc/events';
import { createFrameTokens } from '../library/frame-tokens';
import { createLibraryHandlers } from '../library/handlers';
import type { Library } from '../library/library';
import { createMovableLibrary } from '../library/movable';
import { deliverToLibrary } from '../library/deliver';
import { imageSource, mediaSource } from '../library/job-inputs';
import { createRouter, type Router } from '../ipc/router';
import { createKeyChecker } from '../keys/check';
import { createSessionOnlyCrypto } from '../keys/crypto';
import { createKeyHandlers } from '../keys/handlers';
import { createKeyVault, type KeyVault } from '../keys/vault';
import { createFileLogger, type Logger } from '../logging/logger';
import { adapterFor } from '../providers/registry';
import { baseUrlsFrom } from '../settings/base-urls';
import { createSettingsHandlers } from '../settings/handlers';
import { createSettingsStore, type SettingsStore } from '../settings/store';
import { createMediaRegistry, type MediaRegistry } from '../media/registry';
import { createImageHandlers } from '../images/handlers';
import { createImageService, type ImageService } from '../images/image-service';
import { localImageWork, type ImageWork } from '../images/image-work';
import { createFileGrants, type FileGrants } from '../security/file-grants';
import { CATALOG, findModel } from '../../shared/catalog/models';
import { createEngineHost, createInProcessEngineHost, type EngineHost } from '../jobs/engine-host';
import { createJobHandlers, forwardJobEvents } from '../jobs/handlers';
import { prepareImagesWith } from '../jobs/prepare-images';
import { engineConfigFrom } from '../jobs/engine-config';
import { createDraftHandlers } from '../drafts/handlers';
import { createMediaHandlers, importedMediaView } from '../references/handlers';
import { createMediaService, type MediaProber, type MediaService } from '../references/media-service';
import { referenceFilesWith } from '../references/resolve-files';
import { createMediaWork } from '../references/work';
import { prepareReferencesWith } from '../jobs/prepare-references';
import { resolveMediaTools } from '../media-tools/ffmpeg';
import { createDraftStore } from '../drafts/store';
import { defaultModelId, listModels } from '../models/availability';
import { createModelHandlers, watchModels } from '../models/handlers';
import type { StudioConfig } from './config';
import type { ProviderId } from '../../shared/catalog/types';
import type { JobRoute } from '../../shared/jobs/job';
import { createDemoProviders } from '../demo/demo-providers';
import { createLocalDemo } from '../demo/local-demo';
import type { NetworkMonitor } from '../network/monitor';
import { createStudioNetworkMonitor } from '../network/studio-monitor';
import { createJobNotifier } from '../notify/notifier';
import { createNativeText } from '../i18n/native-text';
import { createBudgetStore } from '../spend/budget-store';
import { createSpendHandlers } from '../spend/handlers';
import { createSpendService } from '../spend/ledger-service';
import { createPromptHandlers } from '../prompts/handlers';
import { createStarsStore } from '../prompts/stars-store';

/** The assembled core: what a host needs to carry the contract and shut down cleanly. */
export interface Studio {
  router: Router;
  events: EventBus;
  log: Logger;
  /** Files the renderer may load by id; the host serves them (`media://clip/<id>` or `/media/<id>`) with `serveMedia`. */
  media: MediaRegistry;
  /** API keys; `keys.keyFor(provider)` is main-only (adapters, the engine's private channel). */
  keys: KeyVault;
  /** User settings; `settings.onChange` lets services apply changes without a restart. */
  settings: SettingsStore;
  /** The clip library (the job engine's downloads end in `library.addClip`). */
  library: Library;
  /** Input images: import, check, fix (`images.fix` gives the engine its `PreparedImage`). */
  images: ImageService;
  /** Reference videos and audio: import, info, fix (probed and fixed in the job engine's process). */
  mediaFiles: MediaService;
  /**
   * Files the user dropped or picked, by token. Only a host whose preload reads the path itself
   * carries `grant` (Electron, on `FILE_GRANT_CHANNEL`); never route it from the page.
   */
  grants: Pick<FileGrants, 'grant'>;
  /** The job engine (own process when the host gave `launchEngine`); hosts call `jobs.setOnline`. */
  jobs: EngineHost;
  /** Network reachability; its changes drive `jobs.setOnline` and the `app:status` event. */
  network: NetworkMonitor;
  /** Stops background work, drops every subscription, flushes every store and stops the demo provider. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * The composition root: builds every service from `config` and wires the contract's handlers.
 * It only wires — logic lives in the domain folders.
 */
export async function createStudio(config: StudioConfig): Promise<Studio> {
  mkdirSync(config.dataDir, { recursive: true });
  const logFile = join(config.dataDir, 'logs', 'studio.log');
  const log = createFileLogger(logFile, config.echoLog);
  const events = createEventBus(log);
  const media = createMediaRegistry();
  const settings = createSettingsStore({ dir: config.dataDir, defaultLibraryDir: config.libraryDir ?? join(config.dataDir, 'library'), log, openConf: config.openConf });
  const keys = createKeyVault({ dir: config.dataDir, crypto: config.keyCrypto ?? createSessionOnlyCrypto(), env: config.env, log, openConf: config.openConf });
  const baseUrls = baseUrlsFrom(settings, config.env);
  // Native text (notifications, dialog titles, the host's menu) is in the saved language from here on.
  const nativeText = config.nativeText ?? createNativeText(() => []);
  nativeText.apply(settings.get().appearance.language);
  const checkKey = createKeyChecker({ keyFor: keys.keyFor, adapterFor, baseUrls });
  // Every subscription's unsubscribe, called by `dispose`.
  const unsubscribe: Array<() => void> = [];
  unsubscribe.push(keys.onChange((list) => events.emit('keys', 'changed', { keys: list })));
  unsubscribe.push(watchModels(keys, (list) => events.emit('models', 'changed', list)));
  const drafts = createDraftStore({ dir: join(config.dataDir, 'drafts'), log, defaultModelId: () => defaultModelId(listModels(CATALOG, keys.list())) });
  unsubscribe.push(settings.onChange((next) => events.emit('settings', 'changed', { settings: next })));
  unsubscribe.push(settings.onChange((next) => nativeText.apply(next.appearance.language)));
  const library = createMovableLibrary({
    libraryDir: settings.get().libraryDir,
    framesDir: join(config.dataDir, 'frames'),
    log,
    trashItem: config.trashItem,
    // Last frames are extracted by ffmpeg in the engine's process when there is one (issue 12: main spawns nothing); `jobs` is built below.
    ...(config.launchEngine ? { extractLastFrame: (video: string, out: string) => jobs.lastFrame(video, out) } : {}),
  });
  unsubscribe.push(library.onChange((ids) => events.emit('library', 'changed', { ids })));
  // Last frames reach the renderer as tokens; the image service resolves them to paths.
  const frameTokens = createFrameTokens();
  // Dropped and picked files reach the renderer as grant tokens too (the preload makes them).
  const grants = createFileGrants();
  // Decoding and encoding images runs in the engine's process when there is one (issue 12: main keeps
  // neither the pixels nor libvips' allocator arenas), in this one otherwise; `jobs` is built below.
  const imageWork: ImageWork = config.launchEngine
    ? { fix: (request, entry) => jobs.images.fix(request, entry), preview: (request) => jobs.images.preview(request) }
    : localImageWork();
  const images = await createImageService({ dataDir: config.dataDir, log, work: imageWork });
  const demo = createDemoProviders({ isDemo: () => !keys.anyConfigured(), keyFor: keys.keyFor, baseUrls });
  const engineContext = (provider: ProviderId, route?: JobRoute) => demo.context(provider, route);
  // In-process (the CLI) the engine's demo server runs here, as it would in the engine's own process;
  // with an engine process it is never asked, so it never starts (it starts on first use).
  const localDemo = createLocalDemo({ dataDir: config.dataDir, env: config.env, log });
  const prepareImages = prepareImagesWith(images, findModel);
  // Reference media are probed, posted and fixed by the engine (its own process in the app), built below.
  const prober: MediaProber = { probeMedia: (path, options) => jobs.probeMedia(path, options), fixMedia: (request) => jobs.fixMedia(request) };
  const mediaFiles = await createMediaService({ dataDir: config.dataDir, log, prober });
  const referenceFiles = referenceFilesWith({ images, media: mediaFiles, catalog: findModel });
  // Downloads accumulate under app data; the library's deliver hook files each verified video as a clip.
  const engineDirs = { dataDir: config.dataDir, outputDir: join(config.dataDir, 'downloads'), ...engineConfigFrom(settings.get()) };
  const deliver = deliverToLibrary({ library, catalog: findModel, prepareImages, sources: { image: imageSource(images), media: mediaSource(mediaFiles) }, appVersion: config.appVersion, log });
  /** The CLI's engine, in this process: reference media work (ffprobe, ffmpeg) runs here too, bounded as in the engine's own process. */
  const inProcessEngine = (): EngineHost => {
    const work = createMediaWork(resolveMediaTools(config.env));
    return createInProcessEngineHost({
      ...engineDirs,
      adapters: adapterFor,
      context: async (provider, route) => localDemo.resolve(provider, await engineContext(provider, route)),
      prepareImages,
      prepareReferences: prepareReferencesWith({ catalog: findModel, files: referenceFiles, media: work }),
      media: work,
      images: imageWork,
      deliver,
      catalog: findModel,
      log,
    });
  };
  const jobs: EngineHost = config.launchEngine
    ? createEngineHost({ launch: config.launchEngine, init: engineDirs, context: engineContext, prepareImages, referenceFiles, deliver, log })
    : inProcessEngine();
  unsubscribe.push(forwardJobEvents(jobs, events));
  unsubscribe.push(jobs.onStatus((status) => events.emit('app', 'engine', status)));
  // Before start: the engine's first snapshot is the notifier's baseline, so a job its recovery
  // turned into needs_attention on this start is news, and jobs that ended earlier are not.
  const desktop = config.desktop;
  const notifier = desktop
    ? createJobNotifier({
        jobs,
        settings,
        text: nativeText,
        log,
        isWindowFocused: () => desktop.isWindowFocused(),
        show: (n) => desktop.show(n),
        setProgress: (f) => desktop.setProgress(f),
      })
    : undefined;
  await jobs.start();
  const network = createStudioNetworkMonitor({
    isDemo: () => demo.currentRoute() === 'demo',
    keys: () => keys.list(),
    apiUrl: (provider) => baseUrls(provider).api,
    isOnline: config.isOnline,
    onChange: (online) => {
      log.info('network.changed', { online });
      jobs.setOnline(online).catch((err: unknown) => log.error('network.set_online_failed', { online, error: err }));
      events.emit('app', 'status', { online });
    },
  });
  // A new key or base URL changes what "reachable" means: look again now rather than at the next tick.
  unsubscribe.push(keys.onChange(() => network.poke()));
  unsubscribe.push(settings.onChange(() => network.poke()));
  unsubscribe.push(
    settings.onChange((next) => {
      // The host keeps the latest config and re-sends it after an engine restart; a failure here is only logged.
      Promise.resolve(jobs.configure(engineConfigFrom(next))).catch((error: unknown) => log.warn('jobs.configure_failed', { error }));
    }),
  );

  // Joined clips are written here before they are filed or saved; what an earlier run left is stale.
  const joinsDir = join(config.dataDir, 'joins');
  await rm(joinsDir, { recursive: true, force: true });
  // Spend and prompt history are derived from main's copy of the job table when the renderer asks.
  const spend = createSpendService({ table: () => jobs.table(), isDemo: () => demo.currentRoute() === 'demo' });
  const budget = createBudgetStore({ dir: config.dataDir, log, openConf: config.openConf });
  const stars = createStarsStore({ dir: config.dataDir, log, openConf: config.openConf });

  const handlers: Handlers = {
    jobs: createJobHandlers(jobs),
    spend: createSpendHandlers({ spend, budget, events, chooseSavePath: config.chooseSavePath, log }),
    prompts: createPromptHandlers({ table: () => jobs.table(), stars }),
    models: createModelHandlers(keys),
    drafts: createDraftHandlers(drafts),
    media: createMediaHandlers({
      media: mediaFiles,
      images,
      redeemGrant: (token) => grants.redeem(token),
      registerMedia: (path, mime) => media.register(path, mime),
      mediaUrl: config.mediaUrl,
    }),
    images: createImageHandlers(images, {
      registerMedia: (path, mime) => media.register(path, mime),
      mediaUrl: config.mediaUrl,
      resolveFrameToken: (token) => frameTokens.resolve(token),
      redeemGrant: (token) => grants.redeem(token),
    }),
    app: createAppHandlers({
      info: () => ({
        name: 'Seedance Studio',
        version: config.appVersion,
        host: config.host,
        demo: demo.currentRoute() === 'demo',
        platform: process.platform,
        versions: config.versions,
        dataDir: config.dataDir,
      }),
      isOnline: () => network.online(),
      openExternal: config.openExternal,
      openLogsFolder: async () => (config.openFolder ? config.openFolder(dirname(logFile)) : false),
      engine: () => jobs.status(),
      retryEngine: () => jobs.restart(),
    }),
    keys: createKeyHandlers({ vault: keys, checkKey }),
    settings: createSettingsHandlers({ settings, moveLibrary: (dir) => library.moveTo(dir), chooseFolder: config.chooseFolder, text: nativeText }),
    library: createLibraryHandlers({
      library,
      registerMedia: (path, mime) => media.register(path, mime),
      mediaUrl: config.mediaUrl,
      frameTokens,
      showItemInFolder: config.showItemInFolder,
      chooseSavePath: config.chooseSavePath,
      importMedia: async (path, name) =>
        importedMediaView(await mediaFiles.import(path, name), { registerMedia: (file, mime) => media.register(file, mime), mediaUrl: config.mediaUrl }, path),
      log,
      films: { join: (request) => jobs.joinMedia(request), workDir: joinsDir, appVersion: config.appVersion },
    }),
  };

  const router = createRouter(handlers, log);
  let disposed = false;
  return {
    router,
    events,
    log,
    media,
    keys,
    settings,
    library,
    images,
    mediaFiles,
    grants: { grant: (raw) => grants.grant(raw) },
    jobs,
    network,
    async dispose() {
      if (disposed) return;
      disposed = true;
      notifier?.dispose();
      network.dispose();
      for (const off of unsubscribe) off();
      await jobs.dispose();
      // After the engine: its last deliveries file clips and may import images.
      await Promise.all([library.dispose(), images.dispose(), mediaFiles.dispose(), drafts.dispose()]);
      await localDemo.dispose();
      // Last: everything above may still log.
      log.close();
    },
  };
}
