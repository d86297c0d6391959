import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Input, List, Modal, Pagination, Segmented, Space, Tag, Typography, Upload, message } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { RESIDENTS_PER_PAGE, importResidents, residentsXLSXURL, useResidents } from '../../api/workshopOps';
import { opsKey } from '../../api/keys';
import { useCraftNames } from '../../components/CraftSelect';
import { BlockLoading, LoadError } from '../../components/PageState';
import Forbidden from '../errors/Forbidden';
import { errorText } from '../../lib/errors';
import { isApiError } from '../../api/client';
import { useQueryClient } from '@tanstack/react-query';
import type { ResidentView } from '../../api/types';
import ResidentForm from './ResidentForm';

/** /workshop/residents — the roster, for the workshop's coordinators. */
export default function Roster() {
  const me = useMe().data;
  if (me?.org?.kind !== 'workshop') return <Forbidden />;
  return <RosterPage workshopId={me.org.id} />;
}

function RosterPage({ workshopId }: { workshopId: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [active, setActive] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ResidentView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const list = useResidents(workshopId, q, active, page);
  const open = (r: ResidentView | null) => {
    setEditing(r);
    setFormOpen(true);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div className="page-head">
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          {t('roster.title')}
        </Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="resident-add">
            {t('roster.add')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
            {t('roster.import')}
          </Button>
          <Button icon={<DownloadOutlined />} href={residentsXLSXURL(workshopId)}>
            {t('roster.export')}
          </Button>
        </Space>
      </div>
      <Typography.Text type="secondary">{t('roster.note')}</Typography.Text>
      <Space wrap style={{ width: '100%' }}>
        <Input.Search allowClear placeholder={t('roster.search')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ maxWidth: 260 }} />
        <Segmented
          value={active}
          onChange={(v) => { setActive(String(v)); setPage(1); }}
          options={[
            { value: '', label: t('roster.filterAll') },
            { value: 'true', label: t('roster.filterActive') },
            { value: 'false', label: t('roster.filterInactive') },
          ]}
        />
      </Space>
      {list.isPending ? (
        <BlockLoading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('roster.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('roster.count', { n: list.data.total })}</Typography.Text>
          <List
            grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3 }}
            dataSource={list.data.items}
            renderItem={(r) => (
              <List.Item>
                <ResidentCard r={r} onEdit={() => open(r)} />
              </List.Item>
            )}
          />
          {list.data.total > RESIDENTS_PER_PAGE && (
            <Pagination current={page} pageSize={RESIDENTS_PER_PAGE} total={list.data.total} onChange={setPage} showSizeChanger={false} />
          )}
        </>
      )}
      {formOpen && <ResidentForm key={editing?.id ?? 'new'} workshopId={workshopId} resident={editing} onClose={() => setFormOpen(false)} />}
      <ImportModal workshopId={workshopId} open={importOpen} onClose={() => setImportOpen(false)} />
    </Space>
  );
}

function ResidentCard({ r, onEdit }: { r: ResidentView; onEdit: () => void }) {
  const t = useT();
  const lang = useLang();
  const craftName = useCraftNames();
  return (
    <Card size="small" className="resident-card" data-testid="resident-card">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {r.name}
          </Typography.Text>{' '}
          {!r.active && <Tag>{t('roster.inactive')}</Tag>}
          <div className="terms-note">
            {r.phone || '—'} · {t('roster.joined')} {formatDate(lang, r.joined_on)}
          </div>
        </div>
        <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('roster.editTitle')} />
      </Space>
      <div style={{ marginTop: 6 }}>
        {r.crafts.map((c) => (
          <Tag key={c} color="orange">
            {craftName(c)}
          </Tag>
        ))}
        {r.tags.map((x) => (
          <Tag key={x.tag} color="purple" title={t('roster.consentBy', { name: x.recorded_by, date: formatDate(lang, x.recorded_at) })}>
            {t(`tag.${x.tag}` as const)}
          </Tag>
        ))}
      </div>
    </Card>
  );
}

function ImportModal({ workshopId, open, onClose }: { workshopId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setProblems(null);
    setFailure(null);
    try {
      const r = await importResidents(workshopId, file, consent);
      void message.success(t('roster.importDone', { created: r.created, updated: r.updated }));
      void qc.invalidateQueries({ queryKey: opsKey });
      onClose();
    } catch (e) {
      if (isApiError(e) && Object.keys(e.fields).some((k) => k.startsWith('rows.'))) {
        const rowOf = (k: string) => Number(k.split('.')[1]) || 0;
        setProblems(Object.entries(e.fields).sort(([a], [b]) => rowOf(a) - rowOf(b)).map(([, m]) => m));
      } else {
        setFailure(errorText(e, t));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('roster.import')} onCancel={onClose} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('roster.importHelp')}</Typography.Text>
        <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
          {t('roster.importConsent')}
        </Checkbox>
        <Upload.Dragger accept=".xlsx" showUploadList={false} disabled={busy} beforeUpload={(f) => { void upload(f); return false; }}>
          <p className="ant-upload-drag-icon">
            <UploadOutlined />
          </p>
          <p>{t('roster.import')}</p>
        </Upload.Dragger>
        {failure && <Alert type="error" showIcon message={failure} />}
        {problems && (
          <Alert
            type="error"
            showIcon
            message={t('roster.importErrors', { n: problems.length })}
            description={
              <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="import-problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </Modal>
  );
}
