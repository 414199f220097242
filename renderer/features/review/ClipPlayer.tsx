import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import type { TimelineEntry, TimelineSegmentView } from '../../../src/contract/review';
import { mediaUrl } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { refusalOf } from './clipRefusal';
import { clipMoment } from './entryText';

interface Props {
  segments: readonly TimelineSegmentView[];
  /** The entry picked on the timeline; the clip starts at its moment. */
  entry: TimelineEntry | null;
}

/**
 * The order's packing video. MediaRecorder's WebM has no index and no duration, so a seek only
 * lands once the element knows where the clip ends: it is sent to the end first and then back.
 */
export function ClipPlayer({ segments, entry }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const playable = segments.filter((s) => s.kind === 'webcam' && s.status !== 'deleted');
  // Before an entry is picked: the packing clip, what we shipped as we shipped it (the returns desk's own clips come after it).
  const fallback = playable.find((s) => s.sessionId !== null) ?? playable[0] ?? null;
  const moment = entry ? clipMoment(segments, entry.at) : null;
  const segment = moment?.segment ?? fallback;
  const nvr = segments.filter((s) => s.kind === 'nvr' && s.playbackUrl);
  const seconds = moment?.seconds ?? null;
  const seq = entry?.seq ?? null;
  const url = segment ? mediaUrl('clip', String(segment.id), segment.recordedAt) : null;
  // Why the clip would not load: the host's named refusal (the recording station offline, the clip refused), else null.
  const [failed, setFailed] = useState<{ url: string; error: StationError | null } | null>(null);
  const failure = failed && failed.url === url ? failed : null;

  useEffect(() => {
    const element = video.current;
    if (!element || seconds === null) return;
    const seek = () => {
      if (Number.isFinite(element.duration)) {
        element.currentTime = Math.min(seconds, element.duration);
        void element.play().catch(() => undefined);
        return;
      }
      const settle = () => {
        element.removeEventListener('durationchange', settle);
        if (Number.isFinite(element.duration)) seek();
      };
      element.addEventListener('durationchange', settle);
      element.currentTime = Number.MAX_SAFE_INTEGER;
    };
    if (element.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
    else element.addEventListener('loadedmetadata', seek, { once: true });
    return () => element.removeEventListener('loadedmetadata', seek);
  }, [url, seconds, seq]);

  const onError = () => {
    if (!url) return;
    setFailed({ url, error: null });
    void refusalOf(url).then((error) => setFailed((now) => (now?.url === url ? { url, error } : now)));
  };

  if (!segment && nvr.length === 0) return <p className="review-novideo">{t('review.noVideo')}</p>;
  return (
    <section className="review-video" aria-label={t('review.video')}>
      {segment && (
        <>
          <p className="review-video-owner" data-owner={segment.returnNumber ? 'return' : 'packing'}>
            {segment.returnNumber ? t('review.clipOfReturn', { number: segment.returnNumber }) : t('review.clipOfPacking')}
          </p>
          {segment.recordedAt && (
            <p className="review-video-station" data-testid="clip-recorded-at">
              {t('review.recordedAt', { station: segment.recordedAtName ?? segment.recordedAt })}
            </p>
          )}
          <video
            ref={video}
            key={url}
            data-segment={segment.id}
            data-recorded-at={segment.recordedAt ?? undefined}
            src={url ?? undefined}
            controls
            preload="metadata"
            onError={onError}
          />
          {failure && (
            <p className="review-video-error" role="alert" data-testid="clip-error" data-code={failure.error?.code}>
              {failure.error ? errorText(t, failure.error) : t('review.clipFailed')}
            </p>
          )}
          <p className="review-video-caption">{moment ? t('review.playingFrom', { seconds: moment.seconds.toFixed(1) }) : t('review.pickEntry')}</p>
        </>
      )}
      {nvr.map((s) => (
        <a key={`${s.recordedAt ?? ''}/${s.id}`} href={s.playbackUrl!} target="_blank" rel="noreferrer">
          {t('review.nvrLink')} ({s.cameraId})
        </a>
      ))}
    </section>
  );
}
