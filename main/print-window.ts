import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The hidden print window's own in-memory session: it shares no cookies, storage or handlers with
 * the station page, and only it serves print jobs.
 */
export const PRINT_PARTITION = 'packdesk-print';
export const PRINT_SCHEME = 'packdesk-print';
const PRINT_HOST = 'job';

/**
 * standard and secure: Chromium's PDF viewer renders documents from a custom scheme reliably only
 * when the scheme has a real origin. Nothing more: no fetch, CORS, CSP bypass or service workers.
 */
export const PRINT_SCHEME_PRIVILEGES = { standard: true, secure: true } as const;

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JOB_URL = new RegExp(`^${PRINT_SCHEME}://${PRINT_HOST}/([0-9a-f-]{36})/[A-Za-z0-9_-][A-Za-z0-9._-]{0,79}\\.pdf$`);

/** The bytes of print jobs that are open right now, by their random id. */
export type OpenPrintJobs = ReadonlyMap<string, Uint8Array>;

/**
 * The window options: nothing a PDF needs beyond Chromium's viewer. plugins is on only because the
 * viewer is a plugin; JavaScript stays on because the viewer itself is a page with scripts (our
 * PDFs, made by pdf-lib, carry none). No preload: this window never talks to main.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      partition: PRINT_PARTITION,
      plugins: true,
      javascript: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  };
}

/**
 * Where the window loads a job. The title stays the last path segment because Chromium names the
 * spooler's job after it, as it did after the temporary file's name.
 */
export function printJobUrl(id: string, title: string): string {
  if (!JOB_ID.test(id)) throw new Error(`Not a print job id: ${id}`);
  const name =
    title
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 80) || 'document';
  return `${PRINT_SCHEME}://${PRINT_HOST}/${id}/${name}.pdf`;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** The print scheme's answer: an open job's PDF for its exact URL, nothing else. */
export function printJobResponse(jobs: OpenPrintJobs, request: { method: string; url: string }): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const id = JOB_URL.exec(request.url)?.[1];
  const pdf = id === undefined ? undefined : jobs.get(id);
  if (!pdf) return plain(404, 'No such print job');
  const headers = {
    'Content-Type': 'application/pdf',
    'Content-Length': String(pdf.byteLength),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(pdf), { status: 200, headers });
}

/**
 * Requests the print session lets through. The PDF viewer's own resources (chrome-extension:,
 * chrome:, blob:) differ between Chromium versions, so this refuses what must never be reached
 * instead: the network, the file system and the station's own app:// origin.
 */
export function isAllowedPrintRequest(url: string): boolean {
  return !/^(file|filesystem|https?|wss?|ftp|app):/i.test(url);
}
