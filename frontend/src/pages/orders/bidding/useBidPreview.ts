import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { previewBid } from '../../../api/bids';
import { bidPreviewKey } from '../../../api/keys';
import type { BidInput } from '../../../api/types';

/** Live figures from POST /orders/{id}/bids/preview, debounced while typing.
 *  Nothing is asked until there is a quantity and a price. */
export function useBidPreview(orderId: string, body: Partial<BidInput>, delay = 400) {
  const json = JSON.stringify(body);
  const [debounced, setDebounced] = useState(json);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(json), delay);
    return () => clearTimeout(id);
  }, [json, delay]);
  const parsed = JSON.parse(debounced) as Partial<BidInput>;
  const ready = parsed.quantity != null && parsed.unit_price != null;
  const q = useQuery({
    queryKey: bidPreviewKey(orderId, debounced),
    queryFn: ({ signal }) => previewBid(orderId, parsed, signal),
    enabled: ready,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  return { ...q, ready, settling: json !== debounced || q.isFetching };
}
