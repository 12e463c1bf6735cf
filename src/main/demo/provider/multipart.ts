import type { SimRequest } from './context';

/**
 * The first file part of a `multipart/form-data` request (RFC 7578): its bytes, Content-Type and
 * file name; null when the request is not multipart or has no file part. Enough for the simulated
 * upload APIs, which take one file per request.
 */
export function multipartFile(req: SimRequest): { bytes: Buffer; mime: string; name: string } | null {
  const m = /^multipart\/form-data;\s*boundary="?([^";]+)"?/i.exec(String(req.headers['content-type'] ?? ''));
  if (!m) return null;
  const delimiter = Buffer.from(`--${m[1]}`);
  let at = req.body.indexOf(delimiter);
  while (at >= 0) {
    const headStart = at + delimiter.length + 2;
    const headEnd = req.body.indexOf('\r\n\r\n', headStart);
    if (headEnd < 0) return null;
    const head = req.body.toString('latin1', headStart, headEnd);
    const next = req.body.indexOf(delimiter, headEnd);
    if (next < 0) return null;
    const disposition = /content-disposition:[^\r\n]*filename="([^"]*)"/i.exec(head);
    if (disposition) {
      const mime = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim().toLowerCase() ?? 'application/octet-stream';
      return { bytes: req.body.subarray(headEnd + 4, next - 2), mime, name: disposition[1] || 'upload' };
    }
    at = next;
  }
  return null;
}
