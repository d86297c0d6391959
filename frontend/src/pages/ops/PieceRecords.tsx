import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Collapse, Empty, InputNumber, List, Progress, Space, Typography } from 'antd';
import { MinusOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useSheet } from '../../api/workshopOps';
import { isApiError } from '../../api/client';
import { errorText } from '../../lib/errors';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import ContractStatusTag from '../../components/bids/ContractStatusTag';
import type { SheetRow, SheetView } from '../../api/types';
import { usePieceSaver } from './usePieceSaver';
import Materials from './Materials';

/** /contracts/:id/pieces — phone-first piece entry for the workshop. */
export default function PieceRecords() {
  const t = useT();
  const { id = '' } = useParams();
  const sheet = useSheet(id);
  if (sheet.isPending) return <PageSkeleton />;
  if (sheet.isError) {
    if (isApiError(sheet.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('contract.notFound')} />;
    return <LoadError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  }
  return <Sheet v={sheet.data} />;
}

function Sheet({ v }: { v: SheetView }) {
  const t = useT();
  const lang = useLang();
  const [draft, setDraft] = useState<Record<string, number>>({});
  const saver = usePieceSaver(v.contract.id);
  const value = (r: SheetRow) => draft[r.resident_id] ?? r.pieces;
  const changed = Object.fromEntries(Object.entries(draft).filter(([id, n]) => v.rows.find((r) => r.resident_id === id)?.pieces !== n));
  const nChanged = Object.keys(changed).length;
  const set = (id: string, n: number | null) => setDraft((d) => ({ ...d, [id]: Math.max(0, Math.floor(n ?? 0)) }));
  const total = v.rows.reduce((n, r) => n + value(r), 0);
  const busy = saver.state.kind === 'saving' || saver.state.kind === 'retrying';

  const save = () => {
    const values = changed;
    setDraft({});
    void saver.save(values).then((ok) => {
      if (!ok) setDraft((d) => ({ ...values, ...d }));
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} className="pieces-page">
      <div>
        <ContractStatusTag status={v.contract.status} />
        <Typography.Title level={1} className="page-title" style={{ margin: '4px 0' }}>
          {t('pieces.title')}
        </Typography.Title>
        <Link to={`/contracts/${v.contract.id}`}>{v.contract.title}</Link>
      </div>
      {v.locked ? <Alert type="info" showIcon message={t('pieces.locked')} /> : <Typography.Text type="secondary">{t('pieces.note')}</Typography.Text>}
      <Progress
        percent={v.piece_limit > 0 ? Math.min(100, Math.floor((total * 100) / v.piece_limit)) : 0}
        format={() => t('pieces.progress', { n: total.toLocaleString(), q: v.piece_limit.toLocaleString() })}
        aria-label={t('pieces.title')}
      />
      <Typography.Text type="secondary" data-testid="pieces-accepted">
        {t('pieces.accepted', { a: v.accepted.toLocaleString() })}
      </Typography.Text>
      {saver.state.kind === 'retrying' && <Alert type="warning" showIcon message={t('pieces.retrying', { n: saver.state.attempt })} data-testid="pieces-retrying" />}
      {saver.state.kind === 'failed' && (
        <Alert
          type="error"
          showIcon
          message={t('pieces.failed', { msg: errorText(saver.state.error, t) })}
          action={saver.hasPending() ? <Button size="small" onClick={() => void saver.retry()}>{t('common.retry')}</Button> : undefined}
        />
      )}
      {v.rows.length === 0 ? (
        <Empty description={t('pieces.noResidents')}>
          <Link to="/workshop/residents">{t('nav.residents')}</Link>
        </Empty>
      ) : (
        <List
          className="pieces-list"
          dataSource={v.rows}
          renderItem={(r) => (
            <List.Item className={r.resident_id in changed ? 'pieces-row changed' : 'pieces-row'} data-testid="pieces-row">
              <div className="pieces-who">
                <Typography.Text strong className="pieces-name">
                  {r.name}
                </Typography.Text>
                <div className="terms-note">
                  {r.phone || '—'}
                  {r.taken > 0 && ` · ${t('material.taken')} ${r.taken} · ${t('material.finished')} ${r.finished}`}
                </div>
              </div>
              <Space.Compact className="pieces-stepper">
                <Button size="large" icon={<MinusOutlined />} aria-label={t('pieces.minus')} disabled={v.locked || value(r) <= 0} onClick={() => set(r.resident_id, value(r) - 1)} />
                <InputNumber
                  size="large"
                  min={0}
                  precision={0}
                  inputMode="numeric"
                  value={value(r)}
                  disabled={v.locked}
                  onChange={(n) => set(r.resident_id, n)}
                  aria-label={r.name}
                  data-testid="pieces-input"
                  controls={false}
                />
                <Button size="large" icon={<PlusOutlined />} aria-label={t('pieces.plus')} disabled={v.locked} onClick={() => set(r.resident_id, value(r) + 1)} />
              </Space.Compact>
            </List.Item>
          )}
        />
      )}
      {!v.locked && v.rows.length > 0 && (
        <div className="sticky-save">
          <Button type="primary" size="large" block icon={<SaveOutlined />} disabled={nChanged === 0} loading={busy} onClick={save} data-testid="pieces-save">
            {busy ? t('pieces.saving') : nChanged === 0 ? t('pieces.nothing') : t('pieces.save', { n: nChanged })}
          </Button>
        </div>
      )}
      <Link to={`/contracts/${v.contract.id}/distribution`}>
        <Button block>{t('pieces.toDistribution')}</Button>
      </Link>
      <Materials v={v} />
      <Collapse
        size="small"
        items={[
          {
            key: 'changes',
            label: t('pieces.changes'),
            children:
              v.changes.length === 0 ? (
                <Typography.Text type="secondary">{t('pieces.noChanges')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={v.changes}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta
                        title={t('pieces.change', { name: c.resident_name, old: c.old_pieces, new: c.new_pieces })}
                        description={t('pieces.changeBy', { by: c.changed_by, at: formatDate(lang, c.changed_at, true) })}
                      />
                    </List.Item>
                  )}
                />
              ),
          },
        ]}
      />
    </Space>
  );
}
