/**
 * Node has no FileReader; the page's `blobToBase64` uses `readAsDataURL`, done here with Node's own
 * Blob and base64. A blob whose bytes cannot be read (a file gone from disk) ends in `onerror` with
 * no `error`, as a browser's reader may.
 */
export class NodeFileReader {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(blob: Blob) {
    blob.arrayBuffer().then(
      (bytes) => {
        this.result = `data:${blob.type};base64,${Buffer.from(bytes).toString('base64')}`;
        this.onload?.();
      },
      () => this.onerror?.(),
    );
  }
}

/** Gives this Node process the page's FileReader, once. */
export function installFileReader(): void {
  globalThis.FileReader ??= NodeFileReader as unknown as typeof FileReader;
}
