import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import type { MethodOutput } from '../../../src/contract/methods';
import type { LabelSettingsView, PrinterProfileView } from '../../../src/contract/printing';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../i18n/error-text';
import { LabelSettingsForm } from './LabelSettingsForm';
import { ProfileRow } from './ProfileRow';
import { usePrintStore } from './printStore';

const KINDS = ['label', 'carrier_label', 'packing_slip', 'manifest', 'returns_receipt', 'returns_receipt_label', 'return_item_label'] as const;

type Profiles = MethodOutput<'printers.profiles'>;
type Discovered = MethodOutput<'printers.discover'>;

/** Managers: a printer per document kind, discovery, a test page, and the label settings. */
export function PrinterSettings() {
  const { t } = useTranslation();
  const view = usePrintStore((s) => s.view);
  const open = usePrintStore((s) => s.open);
  const back = useCallback(() => open('queue'), [open]);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [profiles, setProfiles] = useState<Profiles | null>(null);
  const [labels, setLabels] = useState<LabelSettingsView | null | undefined>(undefined);
  const [found, setFound] = useState<Discovered | null>(null);
  const [discovering, setDiscovering] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'testSent' | null>(null);
  const [error, setError] = useState<StationError | null>(null);

  useEffect(() => {
    if (view !== 'settings') return;
    void call('printers.profiles', {}).then((r) => r.ok && setProfiles(r.value));
    void call('labels.settings', {}).then((r) => setLabels(r.ok ? r.value : null));
  }, [view]);

  if (view !== 'settings') return null;
  const outcome = (result: { ok: true } | { ok: false; error: StationError }, done: 'saved' | 'testSent') => {
    setError(result.ok ? null : result.error);
    setNotice(result.ok ? done : null);
  };
  const save = async (profile: PrinterProfileView) => {
    const result = await call('printers.profile.set', profile);
    if (result.ok && profiles) setProfiles({ ...profiles, profiles: result.value });
    outcome(result, 'saved');
  };
  const remove = async (documentKind: PrinterProfileView['documentKind']) => {
    const result = await call('printers.profile.remove', { documentKind });
    if (result.ok && profiles) setProfiles({ ...profiles, profiles: result.value });
    outcome(result, 'saved');
  };
  const test = async (documentKind: PrinterProfileView['documentKind']) => outcome(await call('printers.test', { documentKind }), 'testSent');
  const discover = async () => {
    setDiscovering(true);
    const result = await call('printers.discover', {});
    setDiscovering(false);
    if (result.ok) setFound(result.value);
    else setError(result.error);
  };
  const saveLabels = async (settings: LabelSettingsView) => {
    const result = await call('labels.settings.set', settings);
    if (result.ok) setLabels(result.value);
    outcome(result, 'saved');
  };

  return (
    <Dialog title={t('printing.settings.title')} onClose={back} className="print-settings" initialFocus={closeButton}>
      {notice && <p className="notice ok">{t(`printing.settings.${notice}`)}</p>}
      {error && <p className="notice error">{errorText(t, error)}</p>}
      <h3>{t('printing.settings.profiles')}</h3>
      <button type="button" onClick={() => void discover()} disabled={discovering}>
        {discovering ? t('printing.settings.discovering') : t('printing.settings.discover')}
      </button>
      {found && found.length === 0 && <p>{t('printing.settings.noneFound')}</p>}
      <datalist id="discovered-printers">
        {found?.map((p) => (
          <option key={`${p.kind}:${p.target}`} value={p.target}>
            {p.description}
          </option>
        ))}
      </datalist>
      {profiles &&
        KINDS.map((kind) => (
          <ProfileRow
            key={kind}
            kind={kind}
            profile={profiles.profiles.find((p) => p.documentKind === kind)}
            printerKinds={profiles.printerKinds}
            save={(p) => void save(p)}
            remove={(k) => void remove(k)}
            test={(k) => void test(k)}
          />
        ))}
      {labels !== undefined && <LabelSettingsForm settings={labels} save={(s) => void saveLabels(s)} />}
      <div className="dialog-actions">
        <button ref={closeButton} type="button" className="primary" onClick={back}>
          {t('printing.panel.close')}
        </button>
      </div>
    </Dialog>
  );
}
