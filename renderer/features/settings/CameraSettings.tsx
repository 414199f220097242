import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import { CAMERA_POLICIES, VIDEO_MODES, type VideoSettings } from '../../../src/contract/video';
import { call } from '../../api/client';
import { errorText } from '../../i18n/error-text';

interface Camera {
  deviceId: string;
  label: string;
}

// Label beside field, as the other facts of the station panel.
const GRID = { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '0.4rem 0.8rem', alignItems: 'center' } as const;

/** The browser names cameras only after a permission was given; before that they are numbered. */
async function listCameras(): Promise<Camera[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d, i) => ({ deviceId: d.deviceId, label: d.label || `#${i + 1}` }));
}

/** The station's packing video: which camera, what to do without one, how long clips are kept. Managers only. */
export function CameraSettings() {
  const { t } = useTranslation();
  const [form, setForm] = useState<VideoSettings | null>(null);
  const [cameras, setCameras] = useState<Camera[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<StationError | null>(null);

  useEffect(() => {
    let live = true;
    void call('video.settings', {}).then((r) => live && (r.ok ? setForm(r.value) : setError(r.error)));
    void listCameras().then((c) => live && setCameras(c));
    return () => {
      live = false;
    };
  }, []);

  if (!form) return error ? <p className="notice error">{errorText(t, error)}</p> : null;
  const change = (next: Partial<VideoSettings>) => {
    setForm({ ...form, ...next });
    setSaved(false);
  };
  const nvr = form.nvr ?? { cameraId: '', urlTemplate: '' };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const { nvr: keptNvr, ...rest } = form;
    // An NVR reference is kept only when both fields are filled; the contract refuses half of one.
    const input = { ...rest, nvr: keptNvr && keptNvr.cameraId.trim() && keptNvr.urlTemplate.trim() ? keptNvr : null };
    const result = await call('video.settings.set', input);
    setSaving(false);
    if (result.ok) {
      setForm(result.value);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <form className="camera-settings" onSubmit={(e) => void save(e)} aria-labelledby="camera-settings-title">
      <h3 id="camera-settings-title">{t('video.settings.title')}</h3>
      <div style={GRID}>
        <label htmlFor="video-mode">{t('video.settings.mode')}</label>
        <select id="video-mode" value={form.mode} onChange={(e) => change({ mode: e.target.value as VideoSettings['mode'] })}>
          {VIDEO_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`video.settings.modes.${m}`)}
            </option>
          ))}
        </select>
        {form.mode === 'webcam' && (
          <>
            <label htmlFor="video-camera">{t('video.settings.camera')}</label>
            <select id="video-camera" value={form.cameraDeviceId ?? ''} onChange={(e) => change({ cameraDeviceId: e.target.value || null })}>
              <option value="">{t('video.settings.defaultCamera')}</option>
              {cameras.map((c) => (
                <option key={c.deviceId} value={c.deviceId}>
                  {c.label}
                </option>
              ))}
            </select>
          </>
        )}
        {form.mode === 'nvr' && (
          <>
            <label htmlFor="video-nvr-camera">{t('video.settings.nvrCamera')}</label>
            <input id="video-nvr-camera" value={nvr.cameraId} onChange={(e) => change({ nvr: { ...nvr, cameraId: e.target.value } })} />
            <label htmlFor="video-nvr-template">{t('video.settings.nvrTemplate')}</label>
            <input
              id="video-nvr-template"
              value={nvr.urlTemplate}
              placeholder="rtsp://nvr/cam/{camera}?start={startEpoch}&end={endEpoch}"
              onChange={(e) => change({ nvr: { ...nvr, urlTemplate: e.target.value } })}
            />
          </>
        )}
        <label htmlFor="video-policy">{t('video.settings.policy')}</label>
        <select id="video-policy" value={form.policy} onChange={(e) => change({ policy: e.target.value as VideoSettings['policy'] })}>
          {CAMERA_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`video.settings.policies.${p}`)}
            </option>
          ))}
        </select>
        <label htmlFor="video-retention">{t('video.settings.retentionDays')}</label>
        <input
          id="video-retention"
          type="number"
          min={1}
          max={3650}
          value={form.retentionDays}
          onChange={(e) => change({ retentionDays: Number(e.target.value) })}
        />
        <label htmlFor="video-quota">{t('video.settings.quotaMb')}</label>
        <input id="video-quota" type="number" min={100} max={10_000_000} value={form.quotaMb} onChange={(e) => change({ quotaMb: Number(e.target.value) })} />
        <label htmlFor="video-max-minutes">{t('video.settings.maxRecordingMinutes')}</label>
        <input
          id="video-max-minutes"
          type="number"
          min={1}
          max={480}
          value={form.maxRecordingMinutes}
          onChange={(e) => change({ maxRecordingMinutes: Number(e.target.value) })}
        />
        <label htmlFor="video-bitrate">{t('video.settings.bitrateKbps')}</label>
        <input
          id="video-bitrate"
          type="number"
          min={100}
          max={10_000}
          value={form.bitsPerSecond / 1000}
          onChange={(e) => change({ bitsPerSecond: Number(e.target.value) * 1000 })}
        />
      </div>
      <div className="camera-settings-actions" style={{ marginTop: '0.6rem' }}>
        <button type="submit" disabled={saving}>
          {t('video.settings.save')}
        </button>
        {saved && <span className="notice ok">{t('video.settings.saved')}</span>}
      </div>
      {error && <p className="notice error">{errorText(t, error)}</p>}
    </form>
  );
}
