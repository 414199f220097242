import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { CustomScheme } from 'electron';
import { APP_SCHEME, rendererFileFor } from './app-url';
import { isMediaUrl, mediaResponse } from './media';
import type { MediaFiles } from './media';
import { PRINT_SCHEME, PRINT_SCHEME_PRIVILEGES } from './print-window';
import { isRemoteClipUrl, remoteClipResponse } from './remote-clip';
import type { RemoteClips } from './remote-clip';
import { rendererHeaders } from './renderer-headers';

/**
 * standard: real origin, relative URLs and 'self' in the CSP work; secure: treated like https,
 * which getUserMedia needs for the packing camera; supportFetchAPI: the page may fetch its own
 * files; stream: <video> treats clips as streamed and seeks with Range requests instead of
 * assuming the whole file arrived. No bypassCSP, no service workers, no CORS.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const;

/**
 * Must run before the app is ready, once for all schemes: Chromium fixes scheme privileges at
 * startup. packdesk-print is handled only on the print window's session (main/print-session.ts).
 */
export function registerSchemes(): void {
  const schemes: CustomScheme[] = [
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
    { scheme: PRINT_SCHEME, privileges: { ...PRINT_SCHEME_PRIVILEGES } },
  ];
  protocol.registerSchemesAsPrivileged(schemes);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

async function readFirst(paths: readonly string[]): Promise<{ path: string; body: Uint8Array<ArrayBuffer> } | null> {
  for (const candidate of paths) {
    try {
      return { path: candidate, body: new Uint8Array(await readFile(candidate)) };
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return null;
}

type Log = (message: string, fields: Record<string, unknown>) => void;

/** What app://packdesk/media/ serves through the core: this station's files, and clips of other stations through central. */
export interface AppMedia {
  files: MediaFiles;
  remoteClips: RemoteClips;
}

async function serveMedia(request: Request, media: AppMedia, log: Log): Promise<Response> {
  try {
    const response = isRemoteClipUrl(request.url) ? await remoteClipResponse(request, media.remoteClips) : await mediaResponse(request, media.files);
    if (response.status === 403) log('refused an app:// request', { url: request.url, reason: await response.clone().text() });
    return response;
  } catch (error) {
    log('could not read a media file', { url: request.url, error: String(error) });
    return plain(500, 'Could not read the file');
  }
}

/**
 * Serves app://packdesk/: the renderer build from `rendererRoot`, and under /media/ the station's
 * clips and evidence packages through the core, and under /media/central/<station>/<segment> a
 * clip another station recorded, through central (the browser host's /video/central/…). Call
 * after app ready.
 */
export function serveApp(rendererRoot: string, media: AppMedia, log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (isMediaUrl(request.url)) return serveMedia(request, media, log);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = rendererFileFor(request.url, rendererRoot);
    if (!target.ok) {
      if (target.status === 403) log('refused an app:// request', { url: request.url, reason: target.reason });
      return plain(target.status, target.reason);
    }
    try {
      const candidates = target.fallbackPath ? [target.filePath, target.fallbackPath] : [target.filePath];
      const file = await readFirst(candidates);
      if (!file) return plain(404, 'Not found');
      const body = request.method === 'HEAD' ? null : file.body;
      return new Response(body, { status: 200, headers: rendererHeaders(file.path) });
    } catch (error) {
      log('could not read a renderer file', { url: request.url, error: String(error) });
      return plain(500, 'Could not read the file');
    }
  });
}
