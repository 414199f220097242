import './video.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useVideoStore } from './videoStore';

/**
 * The packing screen's camera: records while its session is open and shows what the camera is
 * doing. A missing or failed camera is loud, and under the block policy it covers the screen.
 */
export function SessionVideo({ sessionId }: { sessionId: number | null }) {
  const { t } = useTranslation();
  const status = useVideoStore((s) => s.status);
  useEffect(() => {
    useVideoStore.getState().follow(sessionId);
  }, [sessionId]);
  useEffect(() => () => useVideoStore.getState().follow(null), []);

  switch (status.kind) {
    case 'recording':
      return <div className="video-status rec" data-video="recording" data-segment={status.segmentId}>● {t('video.recording')}</div>;
    case 'nvr':
      return <div className="video-status nvr" data-video="nvr">{t('video.nvr', { camera: status.cameraId ?? '' })}</div>;
    case 'no_camera':
    case 'camera_failed': {
      const text = t(status.kind === 'no_camera' ? 'video.noCamera' : 'video.cameraFailed');
      return (
        <div className={`video-problem ${status.policy}`} role="alert" data-video={status.kind} data-policy={status.policy}>
          <p>{text}</p>
          {status.policy === 'block' && <p>{t('video.blocked')}</p>}
          <button type="button" onClick={() => useVideoStore.getState().retry()}>{t('video.retry')}</button>
        </div>
      );
    }
    default:
      return null;
  }
}
