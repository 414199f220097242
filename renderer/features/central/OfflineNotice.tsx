import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCentralStore } from './centralStore';

/** Says "offline" for as long as an attached station cannot reach central. */
export function OfflineNotice() {
  const { t } = useTranslation();
  const { offline, leases } = useCentralStore();
  useEffect(() => {
    void useCentralStore.getState().load();
    return useCentralStore.getState().follow();
  }, []);
  if (!offline) return null;
  return (
    <div className="central-offline" role="status" data-testid="central-offline">
      {t('central.offline', { count: leases })}
    </div>
  );
}
