import type { VideoOverlay } from '../../src/contract/video';

export const FRAME = { width: 1280, height: 720 };
/** Pixels per QR module and the white margin around the code, in modules (the QR standard asks for 4). */
const MODULE_PX = 5;
const QUIET = 4;

/** The QR code drawn once, then copied onto every frame. */
export function qrCanvas(overlay: VideoOverlay): HTMLCanvasElement {
  const size = overlay.qr.length + QUIET * 2;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * MODULE_PX;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  overlay.qr.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '1') ctx.fillRect((x + QUIET) * MODULE_PX, (y + QUIET) * MODULE_PX, MODULE_PX, MODULE_PX);
  });
  return canvas;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time to the second with the UTC offset, so a frame says unambiguously when it was. */
export function stampText(now: Date): string {
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())} ${zone}`;
}

/**
 * The text band's first line: whose clip it is, who is on camera and where. A return's clip leads
 * with the return number and names its order; a packing clip names the order.
 */
export function overlayLine(overlay: Pick<VideoOverlay, 'orderNumber' | 'returnNumber' | 'person' | 'station'>): string {
  const whose = overlay.returnNumber ? `${overlay.returnNumber}  ·  ${overlay.orderNumber}` : overlay.orderNumber;
  return `${whose}  ·  ${overlay.person}  ·  ${overlay.station}`;
}

/** One recorded frame: the camera picture, the text band along the bottom and the session's QR code top right. */
export function drawFrame(ctx: CanvasRenderingContext2D, camera: HTMLVideoElement, overlay: VideoOverlay, qr: HTMLCanvasElement, now: Date): void {
  const { width, height } = FRAME;
  if (camera.readyState >= 2) ctx.drawImage(camera, 0, 0, width, height);
  else {
    ctx.fillStyle = '#222';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.fillStyle = 'rgba(0, 0, 0, 0.65)';
  ctx.fillRect(0, height - 64, width, 64);
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 26px sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(overlayLine(overlay), 16, height - 44);
  ctx.font = '22px monospace';
  ctx.fillText(stampText(now), 16, height - 16);
  ctx.drawImage(qr, width - qr.width - 12, 12);
}
