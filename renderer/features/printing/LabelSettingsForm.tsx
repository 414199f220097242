import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelSettingsView } from '../../../src/contract/printing';

const EMPTY: LabelSettingsView = {
  shopName: '',
  shipFrom: { name: '', company: null, street: '', city: '', postcode: '', country: 'PL', phone: null, email: null },
  gs1CompanyPrefix: '',
  ssccExtensionDigit: 0,
  returnPolicy: '',
  nextSsccSerial: 1,
};

type AddressField = 'name' | 'street' | 'postcode' | 'city' | 'country';
const ADDRESS: [AddressField, string][] = [
  ['name', 'shipFrom'],
  ['street', 'street'],
  ['postcode', 'postcode'],
  ['city', 'city'],
  ['country', 'country'],
];

/** What the station's own labels say about the sender, and where its SSCC numbers come from. */
export function LabelSettingsForm({ settings, save }: { settings: LabelSettingsView | null; save(settings: LabelSettingsView): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<LabelSettingsView>(settings ?? EMPTY);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(form);
  };
  const field = (id: string, label: string, value: string | number, change: (v: string) => void, inputMode?: 'numeric') => (
    <>
      <label htmlFor={`labels-${id}`}>{t(`printing.settings.${label}`)}</label>
      <input id={`labels-${id}`} value={value} inputMode={inputMode} onChange={(e) => change(e.target.value)} autoComplete="off" />
    </>
  );
  return (
    <form className="print-labels" onSubmit={submit}>
      <h3>{t('printing.settings.labels')}</h3>
      {field('shop', 'shopName', form.shopName, (v) => setForm({ ...form, shopName: v }))}
      {ADDRESS.map(([key, label]) => field(key, label, form.shipFrom[key], (v) => setForm({ ...form, shipFrom: { ...form.shipFrom, [key]: v } })))}
      {field('prefix', 'prefix', form.gs1CompanyPrefix, (v) => setForm({ ...form, gs1CompanyPrefix: v.replace(/\D/g, '') }), 'numeric')}
      {field(
        'extension',
        'extension',
        form.ssccExtensionDigit,
        (v) => setForm({ ...form, ssccExtensionDigit: Number(v.replace(/\D/g, '').slice(-1) || 0) }),
        'numeric',
      )}
      {field('serial', 'serial', form.nextSsccSerial, (v) => setForm({ ...form, nextSsccSerial: Number(v.replace(/\D/g, '') || 0) }), 'numeric')}
      {field('returns', 'returnPolicy', form.returnPolicy, (v) => setForm({ ...form, returnPolicy: v }))}
      <button type="submit" className="primary">
        {t('printing.settings.save')}
      </button>
    </form>
  );
}
