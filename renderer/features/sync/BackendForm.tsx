import { useTranslation } from 'react-i18next';
import { BACKEND_KINDS, type BackendSettings } from '../../../src/contract/sync';

const ids = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isInteger);

/** The manager's choice of shop system and its settings; the secret field never shows a stored secret. */
export function BackendForm(props: {
  settings: BackendSettings;
  secret: string;
  hasSecret: boolean;
  onChange(s: BackendSettings): void;
  onSecret(s: string): void;
}) {
  const { t } = useTranslation();
  const { settings, onChange } = props;
  const vendure = settings.vendure ?? {
    url: 'http://127.0.0.1:3000/admin-api',
    username: 'superadmin',
    channelToken: null,
    barcodeField: 'barcode',
    fulfillmentHandler: 'manual-fulfillment',
    pickupPointField: null,
    pickupPointNameField: null,
    codPaymentMethods: [],
    pageSize: 100,
    allowInsecureHttp: false,
  };
  const baselinker = settings.baselinker ?? {
    url: 'https://api.baselinker.com/connector.php',
    statusMap: { ready: [], onHold: [], cancelled: [], shipped: null },
    courierCode: null,
    requestsPerMinute: 100,
    allowInsecureHttp: false,
  };
  const file = settings.file ?? { ordersFile: null, productsFile: null, exportFile: null };
  const field = (label: string, value: string, set: (v: string) => void, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={value} onChange={(e) => set(e.target.value)} />
    </label>
  );
  return (
    <div className="sync-form">
      <label className="field">
        <span>{t('sync.backend')}</span>
        <select value={settings.kind} onChange={(e) => onChange({ ...settings, kind: e.target.value as BackendSettings['kind'] })}>
          {BACKEND_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`sync.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {settings.kind === 'vendure' && (
        <>
          {field(t('sync.url'), vendure.url, (url) => onChange({ ...settings, vendure: { ...vendure, url } }))}
          {/* Offered only for a plain http address; the core decides whether it is another machine. */}
          {vendure.url.startsWith('http:') && (
            <label className="field">
              <span>{t('sync.allowInsecureHttp')}</span>
              <input
                type="checkbox"
                checked={vendure.allowInsecureHttp}
                onChange={(e) => onChange({ ...settings, vendure: { ...vendure, allowInsecureHttp: e.target.checked } })}
              />
            </label>
          )}
          {field(t('sync.username'), vendure.username, (username) => onChange({ ...settings, vendure: { ...vendure, username } }))}
          {field(t('sync.barcodeField'), vendure.barcodeField, (barcodeField) => onChange({ ...settings, vendure: { ...vendure, barcodeField } }))}
          {field(t('sync.channelToken'), vendure.channelToken ?? '', (v) => onChange({ ...settings, vendure: { ...vendure, channelToken: v || null } }))}
          {field(t('sync.pickupPointField'), vendure.pickupPointField ?? '', (v) =>
            onChange({ ...settings, vendure: { ...vendure, pickupPointField: v.trim() || null } }),
          )}
          {field(t('sync.pickupPointNameField'), vendure.pickupPointNameField ?? '', (v) =>
            onChange({ ...settings, vendure: { ...vendure, pickupPointNameField: v.trim() || null } }),
          )}
          {field(t('sync.codPaymentMethods'), (vendure.codPaymentMethods ?? []).join(' '), (v) =>
            onChange({ ...settings, vendure: { ...vendure, codPaymentMethods: v.split(/[\s,;]+/).filter(Boolean) } }),
          )}
        </>
      )}
      {settings.kind === 'baselinker' && (
        <>
          {field(t('sync.courierCode'), baselinker.courierCode ?? '', (v) => onChange({ ...settings, baselinker: { ...baselinker, courierCode: v || null } }))}
          {field(t('sync.statusReady'), baselinker.statusMap.ready.join(' '), (v) =>
            onChange({ ...settings, baselinker: { ...baselinker, statusMap: { ...baselinker.statusMap, ready: ids(v) } } }),
          )}
          {field(t('sync.statusOnHold'), baselinker.statusMap.onHold.join(' '), (v) =>
            onChange({ ...settings, baselinker: { ...baselinker, statusMap: { ...baselinker.statusMap, onHold: ids(v) } } }),
          )}
          {field(t('sync.statusCancelled'), baselinker.statusMap.cancelled.join(' '), (v) =>
            onChange({ ...settings, baselinker: { ...baselinker, statusMap: { ...baselinker.statusMap, cancelled: ids(v) } } }),
          )}
          {field(t('sync.statusShipped'), baselinker.statusMap.shipped?.toString() ?? '', (v) =>
            onChange({ ...settings, baselinker: { ...baselinker, statusMap: { ...baselinker.statusMap, shipped: ids(v)[0] ?? null } } }),
          )}
        </>
      )}
      {settings.kind === 'file' && (
        <>
          {field(t('sync.ordersFile'), file.ordersFile ?? '', (v) => onChange({ ...settings, file: { ...file, ordersFile: v || null } }))}
          {field(t('sync.productsFile'), file.productsFile ?? '', (v) => onChange({ ...settings, file: { ...file, productsFile: v || null } }))}
          {field(t('sync.exportFile'), file.exportFile ?? '', (v) => onChange({ ...settings, file: { ...file, exportFile: v || null } }))}
        </>
      )}
      {(settings.kind === 'vendure' || settings.kind === 'baselinker') && (
        <>
          {field(t('sync.secret'), props.secret, props.onSecret, 'password')}
          {props.hasSecret ? <p className="hint">{t('sync.secretKept')}</p> : <p className="hint sync-secret-needed">{t('sync.secretNeeded')}</p>}
        </>
      )}
    </div>
  );
}
