import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import type { MethodOutput } from '../../../src/contract/methods';
import { call } from '../../api/client';
import { FormRow } from '../../components/FormRow';
import { errorText } from '../../i18n/error-text';

type Rules = MethodOutput<'pack.rules'>;
type Video = MethodOutput<'video.settings'>;

/** This station's packing rules: weight tolerance, when quantities are typed, weighing, and packing without a camera. */
export function RulesPanel() {
  const { t } = useTranslation();
  const [rules, setRules] = useState<Rules | null>(null);
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<StationError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void call('pack.rules', {}).then((r) => r.ok && setRules(r.value));
    void call('video.settings', {}).then((r) => r.ok && setVideo(r.value));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rules || !video) return;
    setSaved(false);
    const packing = await call('settings.packing', rules);
    if (!packing.ok) return setError(packing.error);
    const camera = await call('video.settings.set', { policy: video.policy });
    if (!camera.ok) return setError(camera.error);
    setError(null);
    setRules(packing.value);
    setVideo(camera.value);
    setSaved(true);
  };
  if (!rules || !video) return null;
  const number = (key: 'toleranceGrams' | 'tolerancePercent' | 'bulkThreshold') => (
    <FormRow label={t(`console.rules.${key}`)}>
      <input
        name={key}
        type="number"
        min={key === 'bulkThreshold' ? 2 : 0}
        value={rules[key]}
        onChange={(e) => setRules({ ...rules, [key]: Number(e.target.value) })}
      />
    </FormRow>
  );
  return (
    <section className="console-panel" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('console.rules.title')}</h2>
      <form className="console-form journal-filters" onSubmit={(e) => void submit(e)}>
        {number('toleranceGrams')}
        {number('tolerancePercent')}
        {number('bulkThreshold')}
        <FormRow label={t('console.rules.requireWeight')}>
          <select
            name="requireWeight"
            value={rules.requireWeight ? 'yes' : 'no'}
            onChange={(e) => setRules({ ...rules, requireWeight: e.target.value === 'yes' })}
          >
            <option value="yes">{t('console.rules.yes')}</option>
            <option value="no">{t('console.rules.no')}</option>
          </select>
        </FormRow>
        <FormRow label={t('console.rules.camera')}>
          <select name="camera" value={video.policy} onChange={(e) => setVideo({ ...video, policy: e.target.value as Video['policy'] })}>
            <option value="warn">{t('video.settings.policies.warn')}</option>
            <option value="block">{t('video.settings.policies.block')}</option>
          </select>
        </FormRow>
        <button type="submit" className="primary">
          {t('console.rules.save')}
        </button>
      </form>
      <p className="hint">{t('console.rules.expiryHint')}</p>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {saved && (
        <p className="notice ok" role="status">
          {t('console.saved.saved')}
        </p>
      )}
    </section>
  );
}
