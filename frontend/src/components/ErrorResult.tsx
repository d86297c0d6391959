import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../i18n';

/** A whole-page 403 or 404 (its own module: antd Result carries large illustrations). */
export default function ErrorResult({ status, title, text }: { status: 403 | 404; title: string; text: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={<h1 className="result-title">{title}</h1>}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
