import { useT } from '../../i18n';
import { usePublicStats } from '../../api/meta';
import { BlockLoading, LoadError } from '../../components/PageState';

function VerifiedBar({ verified, total }: { verified: number; total: number }) {
  const t = useT();
  if (total === 0) return null;
  const pct = Math.round((verified / total) * 100);
  return (
    <div className="stat-bars">
      <div className="stat-bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={t('landing.stats.verifiedChart')}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="muted">{t('landing.stats.verifiedOf', { v: verified, n: total })}</span>
    </div>
  );
}

function Figure({ title, value, unit, children }: { title: string; value: number; unit: string; children?: React.ReactNode }) {
  return (
    <div className="panel stat">
      <div className="stat-title">{title}</div>
      <div className="stat-value">
        {value.toLocaleString()} <small>{unit}</small>
      </div>
      {children}
    </div>
  );
}

/** Real platform figures from /stats/public (plain markup: the landing page loads first). */
export default function StatsPanel() {
  const t = useT();
  const stats = usePublicStats();
  return (
    <section aria-labelledby="stats-title">
      <h3 id="stats-title" className="section-title">
        {t('landing.statsTitle')}
      </h3>
      {stats.isPending ? (
        <BlockLoading rows={3} />
      ) : stats.isError ? (
        <LoadError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <div className="cols cols-sm-3">
            <div>
              <Figure title={t('landing.stats.companies')} value={stats.data.companies} unit={t('landing.stats.unit.org')}>
                <VerifiedBar verified={stats.data.verified_companies} total={stats.data.companies} />
              </Figure>
            </div>
            <div>
              <Figure title={t('landing.stats.workshops')} value={stats.data.workshops} unit={t('landing.stats.unit.org')}>
                <VerifiedBar verified={stats.data.verified_workshops} total={stats.data.workshops} />
              </Figure>
            </div>
            <div>
              <Figure title={t('landing.stats.residents')} value={stats.data.residents_headcount} unit={t('landing.stats.unit.people')} />
            </div>
          </div>
          {stats.data.companies + stats.data.workshops === 0 && <p className="muted" style={{ marginTop: 12 }}>{t('landing.stats.empty')}</p>}
        </>
      )}
    </section>
  );
}
