import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../src/contract/review';
import type { VideoSegmentView } from '../../../src/contract/video';
import { mediaUrl } from '../../api/client';
import { clipMoment } from './entryText';

interface Props {
  segments: readonly VideoSegmentView[];
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
  }, [segment?.id, seconds, seq]);

  if (!segment && nvr.length === 0) return <p className="review-novideo">{t('review.noVideo')}</p>;
  return (
    <section className="review-video" aria-label={t('review.video')}>
      {segment && (
        <>
          <p className="review-video-owner" data-owner={segment.returnNumber ? 'return' : 'packing'}>
            {segment.returnNumber ? t('review.clipOfReturn', { number: segment.returnNumber }) : t('review.clipOfPacking')}
          </p>
          <video ref={video} key={segment.id} data-segment={segment.id} src={mediaUrl('clip', String(segment.id))} controls preload="metadata" />
          <p className="review-video-caption">{moment ? t('review.playingFrom', { seconds: moment.seconds.toFixed(1) }) : t('review.pickEntry')}</p>
        </>
      )}
      {nvr.map((s) => (
        <a key={s.id} href={s.playbackUrl!} target="_blank" rel="noreferrer">
          {t('review.nvrLink')} ({s.cameraId})
        </a>
      ))}
    </section>
  );
}
