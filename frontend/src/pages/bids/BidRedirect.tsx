import { Navigate, useParams } from 'react-router';
import { useOrdersT } from '../../i18n/orders';
import { useBid } from '../../api/bids';
import { isApiError } from '../../api/client';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';

/** /bids/:id (links in notifications): a bid is shown on its order's page. */
export default function BidRedirect() {
  const t = useOrdersT();
  const { id } = useParams();
  const bid = useBid(id);
  if (bid.isPending) return <PageSkeleton />;
  if (bid.isError) {
    if (isApiError(bid.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('bids.notFound')} />;
    return <LoadError error={bid.error} onRetry={() => void bid.refetch()} />;
  }
  return <Navigate to={`/orders/${bid.data.order_id}`} replace />;
}
