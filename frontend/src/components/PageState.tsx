import { useNavigate } from 'react-router';
import { Alert, Button, Result, Skeleton, Spin } from 'antd';
import { useT } from '../i18n';
import { errorText } from '../lib/errors';

export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="sr-only">{t('common.loading')}</span>
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

export function ErrorResult({ status, title, text }: { status: 403 | 404; title: string; text: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={title}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
