import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';

/**
 * What the OS does when a file is dragged in from the file manager: `dragover`, then `drop` on
 * `target`, carrying a real File named `name` (MIME `type`) with the bytes of the file at `path`.
 */
export async function dropFile(target: Locator, path: string, name: string, type: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  const dataTransfer = await target.page().evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { base64, name, type },
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}
