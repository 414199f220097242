import { describe, expect, it } from 'vitest';
import { playbackUrl, templateProblem } from '../../../../src/app/video/nvr';

const range = { cameraId: 'hall/2', start: new Date('2026-11-20T08:00:00.400Z'), end: new Date('2026-11-20T08:02:10.900Z') };

describe('NVR playback links', () => {
  it('fills every placeholder, URL-encoding the values', () => {
    expect(playbackUrl('rtsp://nvr/Streaming/tracks/{camera}?starttime={startCompact}&endtime={endCompact}', range)).toBe(
      'rtsp://nvr/Streaming/tracks/hall%2F2?starttime=20261120T080000Z&endtime=20261120T080210Z',
    );
    expect(playbackUrl('https://nvr.example/play?c={camera}&from={start}&to={end}&s={startEpoch}&e={endEpoch}', range)).toBe(
      'https://nvr.example/play?c=hall%2F2&from=2026-11-20T08%3A00%3A00Z&to=2026-11-20T08%3A02%3A10Z&s=1795161600&e=1795161730',
    );
  });
  it('names what is wrong with a template', () => {
    expect(templateProblem('rtsp://nvr/{cam}')).toMatch(/unknown placeholder \{cam\}/);
    expect(templateProblem('javascript:alert({start})')).toMatch(/scheme javascript:/);
    expect(templateProblem('not a url {start}')).toBe('it is not a URL');
    expect(templateProblem('https://nvr/{camera}/{start}')).toBeNull();
    expect(() => playbackUrl('ftp://x/{start}', range)).toThrow(/cannot be used/);
  });
});
