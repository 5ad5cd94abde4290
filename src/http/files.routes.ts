import { Router } from 'express';
import type { FileLinkService } from '../services/file-link.service.js';
import { HttpError } from './errors.js';

export interface FilesRouteOptions {
  fileLinks: FileLinkService;
  now?: () => Date;
}

/**
 * `GET /files/:id?exp=…&sig=…`: the download behind a signed link. A wrong signature, or a
 * link for another file, gets 403 `link_invalid`; an expired one 403 `link_expired`; a valid
 * link to a file no longer kept gets 404. The answer is never cached by shared caches, since
 * the link is the only credential.
 */
export function filesRouter({ fileLinks, now = () => new Date() }: FilesRouteOptions): Router {
  const router = Router();

  router.get('/files/:id', async (req, res) => {
    const id = req.params.id;
    const check = fileLinks.check(id, req.query.exp, req.query.sig, now());
    if (check === 'invalid') {
      throw new HttpError(403, 'link_invalid', 'This download link is not valid');
    }
    if (check === 'expired') {
      throw new HttpError(403, 'link_expired', 'This download link has expired; ask for it again');
    }

    const info = await fileLinks.info(id);
    if (!info) throw new HttpError(404, 'not_found', 'This file is no longer available');

    res.set({
      'Content-Type': info.mimeType,
      'Content-Length': String(info.length),
      // Images inline, so Zalo (which fetches a photo by its link) and browsers show them.
      'Content-Disposition': contentDisposition(info.fileName, info.mimeType.startsWith('image/')),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = fileLinks.stream(id);
      stream.once('error', (error) => {
        // Once bytes went out, a JSON error cannot follow: cut the download short instead.
        if (!res.headersSent) return reject(error);
        res.destroy();
        resolve();
      });
      res.once('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  });

  return router;
}

/**
 * `attachment` (or `inline`) with an ASCII fallback name and the exact UTF-8 name (RFC 6266),
 * so "sao-kê.pdf" keeps its diacritics in browsers that read `filename*`.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const type = inline ? 'inline' : 'attachment';
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
