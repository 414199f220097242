import bwipjs from 'bwip-js/node';
import type { QrEncoder } from '../app/ports/video';

interface MatrixRaw {
  pixs: number[];
  pixx: number;
  pixy: number;
}

/**
 * The QR modules of a short text (a session id), as rows of '1'/'0', for the recorder to draw on
 * its canvas. Error correction M survives the compression of a video frame; the mask is fixed
 * because every reader handles every mask.
 */
export const qrModules: QrEncoder = (text) => {
  const options: Record<string, unknown> = { bcid: 'qrcode', text, eclevel: 'M', mask: 1 };
  const [raw] = bwipjs.raw(options as unknown as Parameters<typeof bwipjs.raw>[0]) as unknown as MatrixRaw[];
  if (!raw?.pixs) throw new Error('bwip-js returned no QR modules');
  const rows: string[] = [];
  for (let y = 0; y < raw.pixy; y++) rows.push(raw.pixs.slice(y * raw.pixx, (y + 1) * raw.pixx).join(''));
  return rows;
};
