import { Alert, Button } from 'antd';
import { useT } from '../i18n';
import { errorText } from '../lib/errors';

/** While a page's code or first data loads: the page's shape, not a blank screen. */
export function PageSkeleton() {
  const t = useT();
  return (
    <div className="page-skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{t('common.loading')}</span>
      <div className="lite-skeleton-bar lite-skeleton-head" />
      <BlockLoading rows={3} />
      <BlockLoading rows={4} />
    </div>
  );
}

/** Grey lines where text will be: antd's Skeleton look in a few lines of
 *  CSS (styles.css), as it is on every first page while a chunk loads. */
export function BlockLoading({ rows = 4 }: { rows?: number }) {
  return (
    <div className="lite-skeleton" aria-hidden="true">
      <div className="lite-skeleton-bar lite-skeleton-title" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="lite-skeleton-bar" style={i === rows - 1 ? { width: '61%' } : undefined} />
      ))}
    </div>
  );
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
