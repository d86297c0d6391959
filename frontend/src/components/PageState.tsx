import { Alert, Button, Skeleton } from 'antd';
import { useT } from '../i18n';
import { errorText } from '../lib/errors';

/** While a page's code or first data loads: the page's shape, not a blank screen. */
export function PageSkeleton() {
  const t = useT();
  return (
    <div className="page-skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      <Skeleton.Input active size="large" style={{ width: 240 }} />
      <Skeleton active paragraph={{ rows: 3 }} />
      <Skeleton active paragraph={{ rows: 4 }} />
    </div>
  );
}

export function BlockLoading({ rows = 4 }: { rows?: number }) {
  return <Skeleton active paragraph={{ rows }} />;
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      message={t('common.loadFailed', { msg: errorText(error, t) })}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
