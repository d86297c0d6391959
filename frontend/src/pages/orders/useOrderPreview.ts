import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { previewOrder } from '../../api/orders';
import type { OrderInput } from '../../api/types';

/** Live totals from POST /orders/preview, debounced while typing. */
export function useOrderPreview(body: Partial<OrderInput>, delay = 400) {
  const json = JSON.stringify(body);
  const [debounced, setDebounced] = useState(json);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(json), delay);
    return () => clearTimeout(id);
  }, [json, delay]);
  const q = useQuery({
    queryKey: ['orders', 'preview', debounced],
    queryFn: ({ signal }) => previewOrder(JSON.parse(debounced) as Partial<OrderInput>, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  return { ...q, settling: json !== debounced || q.isFetching };
}
