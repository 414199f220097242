import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useStationStore } from '../../station/stationStore';
import { stillOf } from './photo';
import { useReturnsStore } from './returnsStore';
import { returnsErrorText } from './words';

/**
 * A photo from the station camera (the one set up for the packing video, when there is one): the
 * live picture, and Enter takes a still as JPEG for the return (its selected item) or the parcel.
 */
export function PhotoDialog() {
  const { t } = useTranslation();
  const language = useStationStore((s) => s.language);
  const { view, pane, selectedItem, addPhoto, setDialog } = useReturnsStore();
  const video = useRef<HTMLVideoElement>(null);
  const take = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<'starting' | 'live' | 'saving' | 'saved' | 'failed'>('starting');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<StationError | null>(null);
  const item = pane === 'return' ? (view?.items.find((i) => i.id === selectedItem) ?? null) : null;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    void (async () => {
      const settings = await call('video.settings', {});
      const deviceId = settings.ok ? settings.value.cameraDeviceId : null;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: deviceId ? { deviceId: { exact: deviceId } } : true, audio: false });
      } catch (cause) {
        setProblem(cause instanceof Error ? cause.message : String(cause));
        return setStatus('failed');
      }
      if (stopped) return stream.getTracks().forEach((track) => track.stop());
      if (video.current) {
        video.current.srcObject = stream;
        await video.current.play().catch(() => undefined);
      }
      setStatus('live');
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  // Once the picture is live the button is enabled, and Enter takes the photo.
  useEffect(() => {
    if (status === 'live') take.current?.focus();
  }, [status]);

  const shoot = async () => {
    if (!video.current || status === 'saving') return;
    const data = stillOf(video.current);
    if (!data) return;
    setStatus('saving');
    const failed = await addPhoto(data, item?.id ?? null);
    setError(failed);
    setStatus(failed ? 'live' : 'saved');
  };

  return (
    <Dialog title={t('returns.photoTitle')} onClose={() => setDialog(null)} className="returns-dialog photo-dialog" testId="returns-photo" initialFocus={take}>
      <p>{t('returns.photoOf', { what: item?.name ?? t('returns.photoWhole') })}</p>
      <video ref={video} className="photo-live" muted playsInline />
      {status === 'starting' && <p className="notice">{t('returns.cameraStarting')}</p>}
      {status === 'failed' && <p className="notice error">{t('returns.cameraFailed', { reason: problem })}</p>}
      {status === 'saved' && (
        <p className="notice ok" role="status">
          {t('returns.photoSaved')}
        </p>
      )}
      {error && (
        <p className="notice error" role="alert">
          {returnsErrorText(t, error, language)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => setDialog(null)}>
          {t('returns.back')}
        </button>
        <button ref={take} type="button" className="primary" onClick={() => void shoot()} disabled={status !== 'live' && status !== 'saved'}>
          {status === 'saving' ? t('returns.taking') : t('returns.take')}
        </button>
      </div>
    </Dialog>
  );
}
