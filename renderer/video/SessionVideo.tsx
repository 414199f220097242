import './video.css';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerKey, type VideoOwner } from '../../src/contract/video';
import { subscribe } from '../api/client';
import { useVideoStore } from './videoStore';

/**
 * The station camera of a screen: the packing screen's records while its session is open, the
 * returns desk's while a return is open; it shows what the camera is doing. A missing or failed camera, or a recording the station stopped at its size limit, is
 * loud; under the block policy a missing camera covers the screen.
 */
export const SessionVideo = memo(function SessionVideo({ owner }: { owner: VideoOwner | null }) {
  const { t } = useTranslation();
  const status = useVideoStore((s) => s.status);
  const key = owner ? ownerKey(owner) : null;
  // Followed by its key: a new object for the same owner is no new recording.
  const latest = useRef(owner);
  latest.current = owner;
  useEffect(() => {
    useVideoStore.getState().follow(latest.current);
  }, [key]);
  useEffect(() => () => useVideoStore.getState().follow(null), []);
  useEffect(() => subscribe('video.stopped', (event) => useVideoStore.getState().stopped(event, event.reason)), []);

  switch (status.kind) {
    case 'recording':
      return (
        <div className="video-status rec" data-video="recording" data-segment={status.segmentId} data-overlay={status.overlay}>
          ● {t('video.recording')}
        </div>
      );
    case 'nvr':
      return (
        <div className="video-status nvr" data-video="nvr">
          {t('video.nvr', { camera: status.cameraId ?? '' })}
        </div>
      );
    case 'no_camera':
    case 'camera_failed': {
      const text = t(status.kind === 'no_camera' ? 'video.noCamera' : 'video.cameraFailed');
      return (
        <div className={`video-problem ${status.policy}`} role="alert" data-video={status.kind} data-policy={status.policy}>
          <p>{text}</p>
          {status.policy === 'block' && <p>{t('video.blocked')}</p>}
          <button type="button" onClick={() => useVideoStore.getState().retry()}>
            {t('video.retry')}
          </button>
        </div>
      );
    }
    case 'stopped':
      // Loud, as a failed camera: the rest of this parcel has no video.
      return (
        <div className="video-problem warn" role="alert" data-video="stopped" data-reason={status.reason}>
          <p>{t(status.reason === 'cap' ? 'video.capReached' : 'video.quotaFull')}</p>
        </div>
      );
    default:
      return null;
  }
});
