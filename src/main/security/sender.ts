import { isSameOrigin } from './origin';

/** What the host knows about the frame that sent an IPC message. */
export interface SenderFrame {
  /** The sending frame's URL (`event.senderFrame.url`); empty or null when the frame is gone. */
  frameUrl: string | null | undefined;
  /** True when the sender is the top-level frame, not an iframe. */
  isMainFrame: boolean;
}

/**
 * Whether an IPC message may reach the router: only the main frame of our own origin. Sub-frames
 * and other origins are refused even if our origin is a prefix of theirs (`app://renderer.evil`).
 * Pattern from VS Code's `validatedIpcMain`.
 */
export function isTrustedSender(sender: SenderFrame, appOrigin: string): boolean {
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  return isSameOrigin(sender.frameUrl, appOrigin);
}
