import { describe, expect, it } from 'vitest';
import { isAllowedPrintRequest, PRINT_PARTITION, printJobResponse, printJobUrl, printWindowOptions } from '../../../main/print-window';

const ID = '0b0f5c3e-6d1a-4c2b-9a7e-3f1d2c4b5a69';
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const jobs = new Map([[ID, PDF]]);
const get = (url: string) => printJobResponse(jobs, { method: 'GET', url });

describe('printWindowOptions', () => {
  const options = printWindowOptions();
  const prefs = options.webPreferences ?? {};

  it('is hidden and in its own in-memory partition', () => {
    expect(options.show).toBe(false);
    expect(prefs.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION).not.toMatch(/^persist:/);
  });

  it('turns on plugins for the PDF viewer and keeps everything else locked', () => {
    expect(prefs.plugins).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs).not.toHaveProperty('preload');
  });
});

describe('printJobUrl', () => {
  it('names the job after its title, as the spooler shows it', () => {
    expect(printJobUrl(ID, 'label 00340434161234567890')).toBe(`packdesk-print://job/${ID}/label_00340434161234567890.pdf`);
  });

  it('cannot be steered by the title', () => {
    expect(printJobUrl(ID, '../../etc/passwd')).toBe(`packdesk-print://job/${ID}/etc_passwd.pdf`);
    expect(printJobUrl(ID, '')).toBe(`packdesk-print://job/${ID}/document.pdf`);
    expect(printJobUrl(ID, 'x'.repeat(500))).toMatch(/\/x{80}\.pdf$/);
    expect(() => printJobUrl('../1', 'slip')).toThrow(/Not a print job id/);
  });
});

describe('printJobResponse', () => {
  it('serves an open job as a PDF from memory', async () => {
    const response = get(printJobUrl(ID, 'slip'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(PDF.byteLength));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = printJobResponse(jobs, { method: 'HEAD', url: printJobUrl(ID, 'slip') });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(printJobResponse(jobs, { method: 'POST', url: printJobUrl(ID, 'slip') }).status).toBe(405);
  });

  it.each([
    'packdesk-print://job/1b0f5c3e-6d1a-4c2b-9a7e-3f1d2c4b5a69/slip.pdf',
    `packdesk-print://job/${ID}.pdf`,
    `packdesk-print://job/${ID}/../slip.pdf`,
    `packdesk-print://job/${ID}/slip.pdf?x=1`,
    `packdesk-print://other/${ID}/slip.pdf`,
    `app://packdesk/${ID}/slip.pdf`,
    'packdesk-print://job/',
  ])('has nothing for %s', (url) => expect(get(url).status).toBe(404));

  it('has nothing once the job is closed', () => {
    expect(printJobResponse(new Map(), { method: 'GET', url: printJobUrl(ID, 'slip') }).status).toBe(404);
  });
});

describe('isAllowedPrintRequest', () => {
  it("lets the print job and the PDF viewer's own resources load", () => {
    for (const url of [
      printJobUrl(ID, 'slip'),
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      'chrome://resources/js/a.js',
      'blob:packdesk-print://job/1',
      'data:image/png;base64,AA==',
    ]) {
      expect(isAllowedPrintRequest(url), url).toBe(true);
    }
  });

  it('keeps the window off the network, the file system and the station page', () => {
    for (const url of [
      'file:///tmp/label.pdf',
      'FILE:///etc/passwd',
      'filesystem:packdesk-print://job/x',
      'https://evil.example/',
      'http://127.0.0.1:8080/api/x',
      'wss://evil.example/',
      'ftp://x/',
      'app://packdesk/index.html',
    ]) {
      expect(isAllowedPrintRequest(url), url).toBe(false);
    }
  });
});
