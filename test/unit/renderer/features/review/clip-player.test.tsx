import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineSegmentView } from '../../../../../src/contract/review';
import { setTransport } from '../../../../../renderer/api/client';
import { readHostParams } from '../../../../../renderer/api/host-params';
import { httpTransport } from '../../../../../renderer/api/http';
import { ipcTransport } from '../../../../../renderer/api/transport';
import { ClipPlayer } from '../../../../../renderer/features/review/ClipPlayer';
import { startI18n } from '../../../../../renderer/i18n';

const segment = (over: Partial<TimelineSegmentView>): TimelineSegmentView => ({
  id: 42,
  sessionId: 7,
  returnNumber: null,
  orderNumber: 'PD-100001',
  stationId: 'ST-01',
  kind: 'webcam',
  status: 'closed',
  startedAt: '2026-12-02T10:00:00.000Z',
  endedAt: '2026-12-02T10:00:20.000Z',
  bytes: 1000,
  sha256: 'ab'.repeat(32),
  cameraId: null,
  playbackUrl: null,
  recordedAt: null,
  recordedAtName: null,
  ...over,
});

const render = (s: TimelineSegmentView) => renderToStaticMarkup(createElement(ClipPlayer, { segments: [s], entry: null }));
const http = () =>
  httpTransport({
    params: readHostParams({ search: '?station=ST-02' } as Location, { getItem: () => null, setItem: () => undefined }),
    fetch: () => Promise.reject(new Error('no calls')),
    openEvents: () => {
      throw new Error('no events');
    },
  });

describe('the review player', () => {
  afterEach(() => setTransport(http()));

  it("plays another station's clip from that station through central (by its id), naming it as people know it, in English and Polish", async () => {
    const i18n = startI18n('en');
    setTransport(http());
    const fromB = segment({ recordedAt: 'ST-B', recordedAtName: 'Packing table 2' });
    const remote = render(fromB);
    expect(remote).toContain('src="/video/central/ST-B/42"');
    expect(remote).toContain('Recorded at station Packing table 2');
    setTransport(ipcTransport({ invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined }));
    expect(render(fromB)).toContain('src="app://packdesk/media/central/ST-B/42"');
    await i18n.changeLanguage('pl');
    expect(render(fromB)).toContain('Nagrane na stanowisku Packing table 2');
    await i18n.changeLanguage('en');
  });

  it("plays this station's own clip from here, with no station named", () => {
    startI18n('en');
    setTransport(http());
    const own = render(segment({}));
    expect(own).toContain('src="/video/42"');
    expect(own).not.toContain('Recorded at station');
  });
});
