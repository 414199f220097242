import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FORMATS, type PrinterProfileView } from '../../../src/contract/printing';

type Kind = PrinterProfileView['documentKind'];
type PrinterKind = PrinterProfileView['printerKind'];

interface Props {
  kind: Kind;
  profile: PrinterProfileView | undefined;
  printerKinds: PrinterKind[];
  save(profile: PrinterProfileView): void;
  remove(kind: Kind): void;
  test(kind: Kind): void;
}

/** One document kind's printer: how it is reached, which printer, in which language. */
export function ProfileRow({ kind, profile, printerKinds, save, remove, test }: Props) {
  const { t } = useTranslation();
  const [printerKind, setPrinterKind] = useState<PrinterKind>(profile?.printerKind ?? printerKinds[0] ?? 'raw_tcp');
  const [target, setTarget] = useState(profile?.target ?? '');
  const [format, setFormat] = useState(profile?.format ?? (kind === 'label' ? 'zpl' : 'pdf'));
  const [raw, setRaw] = useState(profile?.raw ?? false);
  const [labelSize, setLabelSize] = useState<PrinterProfileView['labelSize']>(profile?.labelSize ?? null);
  const labelStock = kind === 'label' || kind === 'carrier_label';
  const id = `printer-${kind}`;
  return (
    <fieldset className="print-profile" data-testid="printer-profile" data-kind={kind}>
      <legend>
        {t(`printing.kind.${kind}`)} {!profile && <em>({t('printing.settings.notSet')})</em>}
      </legend>
      <label htmlFor={`${id}-kind`}>{t('printing.settings.printerKind')}</label>
      <select id={`${id}-kind`} value={printerKind} onChange={(e) => setPrinterKind(e.target.value as PrinterKind)}>
        {printerKinds.map((k) => (
          <option key={k} value={k}>
            {t(`printing.settings.kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-target`}>{t('printing.settings.target')}</label>
      <input id={`${id}-target`} value={target} list="discovered-printers" onChange={(e) => setTarget(e.target.value)} autoComplete="off" />
      <label htmlFor={`${id}-format`}>{t('printing.settings.format')}</label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as PrinterProfileView['format'])}>
        {DOCUMENT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {f.toUpperCase()}
          </option>
        ))}
      </select>
      {labelStock && (
        <>
          <label htmlFor={`${id}-size`}>{t('printing.settings.labelSize')}</label>
          <select id={`${id}-size`} value={labelSize ?? ''} onChange={(e) => setLabelSize((e.target.value || null) as PrinterProfileView['labelSize'])}>
            <option value="">{t('printing.settings.labelSizes.unset')}</option>
            <option value="a6">{t('printing.settings.labelSizes.a6')}</option>
            <option value="4x6">{t('printing.settings.labelSizes.4x6')}</option>
          </select>
        </>
      )}
      <label className="print-raw">
        <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> {t('printing.settings.raw')}
      </label>
      <div className="print-actions">
        <button
          type="button"
          className="primary"
          disabled={!target.trim()}
          onClick={() => save({ documentKind: kind, printerKind, target: target.trim(), format, raw, labelSize: labelStock ? labelSize : null })}
        >
          {t('printing.settings.save')}
        </button>
        {profile && (
          <>
            <button type="button" onClick={() => test(kind)}>
              {t('printing.settings.test')}
            </button>
            <button type="button" onClick={() => remove(kind)}>
              {t('printing.settings.remove')}
            </button>
          </>
        )}
      </div>
    </fieldset>
  );
}
