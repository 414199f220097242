import { describe, expect, it } from 'vitest';
import { byteRange, isMediaUrl, mediaTargetFor } from '../../../main/media';

describe('byteRange', () => {
  it.each([
    [null, { status: 200 }],
    ['', { status: 200 }],
    ['bytes=-', { status: 200 }],
    ['bytes=0-1,5-6', { status: 200 }],
    ['items=0-10', { status: 200 }],
    ['bytes=0-', { status: 206, start: 0, end: 99 }],
    ['bytes=10-19', { status: 206, start: 10, end: 19 }],
    ['bytes=90-500', { status: 206, start: 90, end: 99 }],
    ['bytes=-10', { status: 206, start: 90, end: 99 }],
    ['bytes=-500', { status: 206, start: 0, end: 99 }],
    ['bytes=100-', { status: 416 }],
    ['bytes=20-10', { status: 416 }],
    ['bytes=-0', { status: 416 }],
  ] as const)('%s of 100 bytes → %o', (header, expected) => expect(byteRange(header, 100)).toEqual(expected));
});

describe('mediaTargetFor', () => {
  it('names the kind and the id', () => {
    expect(mediaTargetFor('app://packdesk/media/clip/42')).toEqual({ ok: true, kind: 'clip', id: '42' });
    expect(mediaTargetFor('app://packdesk/media/evidence/PD-1-20250301T101500Z.zip?x=1')).toEqual({
      ok: true,
      kind: 'evidence',
      id: 'PD-1-20250301T101500Z.zip',
    });
  });

  it('is only for /media/ on our own origin', () => {
    expect(isMediaUrl('app://packdesk/media/clip/1')).toBe(true);
    expect(isMediaUrl('app://packdesk/assets/media/clip/1')).toBe(false);
    expect(isMediaUrl('app://other/media/clip/1')).toBe(false);
    expect(mediaTargetFor('app://other/media/clip/1')).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses malformed encoding and traversal', () => {
    expect(mediaTargetFor('app://packdesk/media/evidence/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(mediaTargetFor('app://packdesk/media/clip/%2E%2E')).toMatchObject({ ok: false, status: 403, reason: 'path traversal' });
    expect(mediaTargetFor('app://packdesk/media/evidence/a%00.zip')).toMatchObject({ ok: false, status: 403 });
  });
});
