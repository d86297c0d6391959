import { Card, Col, Empty, Grid, Input, Row, Select, Typography } from 'antd';
import { useT } from '../../i18n';
import { useOrgList } from '../../api/orgs';
import { LoadError } from '../../components/PageState';
import { useOrgFilters } from './useOrgFilters';
import OrgTable from './OrgTable';
import OrgCards from './OrgCards';

export default function StaffOrgs() {
  const t = useT();
  const phone = !Grid.useBreakpoint().md;
  const { filters, set } = useOrgFilters();
  const list = useOrgList(filters);
  const all = { value: '', label: t('common.all') };

  const pagination = {
    current: filters.page,
    pageSize: filters.per_page,
    total: list.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (n: number) => t('common.total', { n }),
    onChange: (page: number) => set({ page: String(page) }),
  };

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('staff.orgs.title')}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 8]} align="bottom">
          <Col xs={24} md={10}>
            <label className="filter-label" htmlFor="org-search">
              {t('common.search')}
            </label>
            <Input.Search
              id="org-search"
              defaultValue={filters.q}
              placeholder={t('staff.orgs.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={(q) => set({ q: q.trim() || undefined })}
            />
          </Col>
          <Col xs={12} md={7}>
            <label className="filter-label" htmlFor="org-kind">
              {t('staff.orgs.filterKind')}
            </label>
            <Select
              id="org-kind"
              style={{ width: '100%' }}
              value={filters.kind ?? ''}
              onChange={(v) => set({ kind: v || undefined })}
              options={[all, { value: 'company', label: t('kind.company') }, { value: 'workshop', label: t('kind.workshop') }]}
            />
          </Col>
          <Col xs={12} md={7}>
            <label className="filter-label" htmlFor="org-verified">
              {t('staff.orgs.filterVerified')}
            </label>
            <Select
              id="org-verified"
              style={{ width: '100%' }}
              value={filters.verified ?? ''}
              onChange={(v) => set({ verified: v || undefined })}
              options={[all, { value: 'true', label: t('badge.verified') }, { value: 'false', label: t('badge.unverified') }]}
            />
          </Col>
        </Row>
      </Card>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty description={t('staff.orgs.empty')} />
      ) : phone ? (
        <OrgCards orgs={list.data?.items} loading={list.isFetching} pagination={pagination} />
      ) : (
        <OrgTable orgs={list.data?.items} loading={list.isFetching} pagination={pagination} />
      )}
    </>
  );
}
