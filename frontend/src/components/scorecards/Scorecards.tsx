import type { ReactNode } from 'react';
import { StarFilled } from '@ant-design/icons';
import { useT } from '../../i18n';
import type { CompanyScorecard, Rate, WorkshopScorecard } from '../../api/settlement';
import { formatRate } from '../bids/figures';
import { Panel } from '../lite';
import './scorecards.css';
import '../../i18n/scorecards';

/** Settled contracts a rate needs before it is shown (server: market.MinSettledForRates). */
export const MIN_SETTLED_FOR_RATES = 3;

type Tone = 'good' | 'bad' | undefined;

function Figure({ label, value, basis, formula, tone, testId }: { label: string; value: ReactNode; basis?: ReactNode; formula: string; tone?: Tone; testId: string }) {
  return (
    <div className={`sc-figure${tone ? ` sc-${tone}` : ''}`} data-testid={testId}>
      <div className="sc-label">{label}</div>
      <div className="sc-value">{value}</div>
      {basis && <div className="sc-basis">{basis}</div>}
      <div className="sc-formula">{formula}</div>
    </div>
  );
}

/** A rate, or why there is none: fewer than 3 settled contracts say so instead of a percentage. */
function rateValue(r: Rate, t: ReturnType<typeof useT>): { value: ReactNode; shown: boolean } {
  if (!r.enough) return { value: <span className="sc-none">{t('set.sc.tooFew', { n: MIN_SETTLED_FOR_RATES })}</span>, shown: false };
  if (r.value == null) return { value: <span className="sc-none">{t('set.sc.noData')}</span>, shown: false };
  return { value: formatRate(r.value), shown: true };
}

function Rating({ avg, n }: { avg: number | null | undefined; n: number }) {
  const t = useT();
  if (avg == null || n === 0) return <span className="sc-none">{t('set.sc.noRatings')}</span>;
  return (
    <span>
      <StarFilled className="sc-star" /> {avg.toFixed(1)}
      <span className="sc-of"> / 5</span>
    </span>
  );
}

/** A company's public record from its settled contracts — what workshops see before they bid. */
export function CompanyScorecardCard({ s, title }: { s: CompanyScorecard; title?: string }) {
  const t = useT();
  const rej = rateValue(s.rejection_rate, t);
  const fund = rateValue(s.funded_on_time, t);
  const rejPct = s.rejection_rate.value;
  return (
    <Panel title={title ?? t('set.sc.companyTitle')} data-testid="company-scorecard" className="scorecard">
      <div className="sc-grid">
        <Figure testId="sc-settled" label={t('set.sc.settled')} value={s.contracts_settled} formula={t('set.sc.settledFormula')} />
        <Figure
          testId="sc-rejection"
          label={t('set.sc.rejection')}
          value={rej.value}
          tone={rej.shown && rejPct != null ? (rejPct > 0.1 ? 'bad' : rejPct <= 0.05 ? 'good' : undefined) : undefined}
          basis={s.rejection_rate.den > 0 ? t('set.sc.rejectionBasis', { num: s.rejection_rate.num, den: s.rejection_rate.den }) : undefined}
          formula={t('set.sc.rejectionFormula')}
        />
        <Figure
          testId="sc-funded"
          label={t('set.sc.fundedOnTime')}
          value={fund.value}
          basis={s.funded_on_time.den > 0 ? t('set.sc.contractsBasis', { num: s.funded_on_time.num, den: s.funded_on_time.den }) : undefined}
          formula={t('set.sc.fundedFormula')}
        />
        <Figure
          testId="sc-inspection"
          label={t('set.sc.inspectionDays')}
          value={s.median_inspection_days == null ? <span className="sc-none">{t('set.sc.noData')}</span> : t('set.sc.days', { n: s.median_inspection_days })}
          formula={t('set.sc.inspectionFormula')}
        />
        <Figure testId="sc-disputes" label={t('set.sc.disputesLost')} value={s.disputes_lost} tone={s.disputes_lost > 0 ? 'bad' : undefined} formula={t('set.sc.companyDisputesFormula')} />
        <Figure
          testId="sc-rating"
          label={t('set.sc.rating')}
          value={<Rating avg={s.average_rating} n={s.ratings} />}
          basis={s.ratings > 0 ? t('set.sc.ratingsCount', { n: s.ratings }) : undefined}
          formula={t('set.sc.companyRatingFormula')}
        />
      </div>
      <p className="muted terms-note sc-note">
        {s.contracts_settled < MIN_SETTLED_FOR_RATES ? t('set.sc.fewNote', { n: MIN_SETTLED_FOR_RATES, settled: s.contracts_settled }) : t('set.sc.note')}
      </p>
    </Panel>
  );
}

/** A workshop's public record from its settled contracts. */
export function WorkshopScorecardCard({ s, title }: { s: WorkshopScorecard; title?: string }) {
  const t = useT();
  const onTime = rateValue(s.on_time_rate, t);
  const acc = rateValue(s.acceptance_rate, t);
  return (
    <Panel title={title ?? t('set.sc.workshopTitle')} data-testid="workshop-scorecard" className="scorecard">
      <div className="sc-grid">
        <Figure testId="sc-completed" label={t('set.sc.completed')} value={s.contracts_completed} formula={t('set.sc.completedFormula')} />
        <Figure
          testId="sc-ontime"
          label={t('set.sc.onTime')}
          value={onTime.value}
          basis={s.on_time_rate.den > 0 ? t('set.sc.contractsBasis', { num: s.on_time_rate.num, den: s.on_time_rate.den }) : undefined}
          formula={t('set.sc.onTimeFormula')}
        />
        <Figure
          testId="sc-acceptance"
          label={t('set.sc.acceptance')}
          value={acc.value}
          basis={s.acceptance_rate.den > 0 ? t('set.sc.acceptanceBasis', { num: s.acceptance_rate.num, den: s.acceptance_rate.den }) : undefined}
          formula={t('set.sc.acceptanceFormula')}
        />
        <Figure testId="sc-disputes" label={t('set.sc.disputesLost')} value={s.disputes_lost} tone={s.disputes_lost > 0 ? 'bad' : undefined} formula={t('set.sc.workshopDisputesFormula')} />
        <Figure
          testId="sc-rating"
          label={t('set.sc.rating')}
          value={<Rating avg={s.average_rating} n={s.ratings} />}
          basis={s.ratings > 0 ? t('set.sc.ratingsCount', { n: s.ratings }) : undefined}
          formula={t('set.sc.workshopRatingFormula')}
        />
      </div>
      <p className="muted terms-note sc-note">
        {s.contracts_completed < MIN_SETTLED_FOR_RATES ? t('set.sc.fewNote', { n: MIN_SETTLED_FOR_RATES, settled: s.contracts_completed }) : t('set.sc.note')}
      </p>
    </Panel>
  );
}
