import type { ReactNode } from 'react';
import { Card, Col, Collapse, Grid, Pagination, Row } from 'antd';
import { useT } from '../../i18n';

/**
 * The two columns of a search page (orders, workshops): filters on the left
 * (a collapsed panel on a phone, with the number of active filters) and the
 * results on the right.
 */
export function SearchColumns({ filters, active, children }: { filters: ReactNode; active: number; children: ReactNode }) {
  const t = useT();
  const phone = !Grid.useBreakpoint().lg;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={7}>
        {phone ? (
          <Collapse
            size="small"
            className="search-filters-collapse"
            items={[{ key: 'f', label: active ? `${t('search.filters')} (${active})` : t('search.filters'), children: filters }]}
          />
        ) : (
          <Card size="small" title={t('search.filters')} className="search-filters">
            {filters}
          </Card>
        )}
      </Col>
      <Col xs={24} lg={17}>
        {children}
      </Col>
    </Row>
  );
}

/** Pages under the results, shown when there is more than one; a page change scrolls to the top. */
export function ResultPager({ page, perPage, total, onPage }: { page: number; perPage: number; total: number; onPage: (page: number) => void }) {
  const phone = !Grid.useBreakpoint().lg;
  if (total <= perPage) return null;
  return (
    <Pagination
      align="center"
      current={page}
      pageSize={perPage}
      total={total}
      showSizeChanger={false}
      simple={phone}
      onChange={(p) => {
        onPage(p);
        window.scrollTo(0, 0);
      }}
    />
  );
}
