import { Link } from 'react-router';
import { Button, Result, Typography } from 'antd';
import { useOrdersT } from '../../i18n/orders';
import { useMe } from '../../auth/useMe';
import OrderForm from './OrderForm';

export default function NewOrder() {
  const t = useOrdersT();
  const me = useMe().data!;
  if (me.org?.kind !== 'company') return <Result status="info" title={t('orders.notCompany')} />;
  if (!me.org.verified) return <UnverifiedCompany />;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('form.newTitle')}
      </Typography.Title>
      <OrderForm />
    </>
  );
}

/** Instead of a form that would fail with 403: what has to happen first. */
export function UnverifiedCompany() {
  const t = useOrdersT();
  return (
    <Result
      status="info"
      title={t('orders.unverifiedTitle')}
      subTitle={t('orders.unverifiedText')}
      extra={
        <Link to="/org">
          <Button type="primary">{t('orders.toOrg')}</Button>
        </Link>
      }
      data-testid="unverified-company"
    />
  );
}
