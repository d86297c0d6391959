import { Alert, Spin, Statistic, Tag, Typography } from 'antd';
import { SafetyCertificateFilled } from '@ant-design/icons';
import type { BidQuote } from '../../../api/types';
import { useOrdersT } from '../../../i18n/orders';
import { formatBp, formatFen } from '../../../lib/money';
import FairPayChart from '../../../components/orders/FairPayChart';
import { depositQuoteText } from '../../../components/bids/figures';

interface Props {
  quote: BidQuote | null;
  /** fallback province name for the minimum-wage bar when the quote names none */
  province: string;
  loading?: boolean;
  /** field messages from the preview (e.g. "more than remains") */
  problems?: string[];
}

/** The money a bid means for the workshop: total, deposit, fair pay. */
export default function BidQuoteSummary({ quote, province, loading, problems = [] }: Props) {
  const t = useOrdersT();
  return (
    <div className="bid-quote" aria-live="polite" data-testid="bid-quote">
      <div className="bid-quote-head">
        <Typography.Text strong>{t('bid.quoteTitle')}</Typography.Text>
        {loading && <Spin size="small" aria-label={t('summary.updating')} />}
      </div>
      {!quote ? (
        <Typography.Text type="secondary">{t('bid.quoteIncomplete')}</Typography.Text>
      ) : (
        <>
          <div className="summary-grid">
            <div>
              <Statistic title={t('bid.amount')} value={formatFen(quote.amount)} data-testid="bid-amount" />
              {/* The platform's commission and what the workshop keeps, from the server's quote. */}
              <div className="terms-note" data-testid="bid-net">
                {t('bid.netLine', { rate: formatBp(quote.commission_bp), commission: formatFen(quote.commission), net: formatFen(quote.workshop_net) })}
              </div>
            </div>
            <div data-testid="bid-deposit">
              <Statistic
                title={t('bid.deposit')}
                value={depositQuoteText(quote.deposit, t)}
                valueStyle={{ fontSize: '1.2em', color: quote.deposit.waived ? '#15803d' : undefined }}
              />
              {quote.deposit.waived && (
                <Tag color="gold" icon={<SafetyCertificateFilled />}>
                  {t('badge.guarantee')}
                </Tag>
              )}
            </div>
          </div>
          <Typography.Paragraph type="secondary" className="terms-note">
            {t('bid.amountNote')}
            {quote.deposit.kind !== 'none' && !quote.deposit.waived && quote.deposit.amount > 0 ? ` ${t('bid.depositHeld')}` : ''}
          </Typography.Paragraph>
          <Typography.Text strong>{t('summary.hourly')}</Typography.Text>
          <FairPayChart
            totals={{
              hourly_equivalent: quote.hourly_equivalent,
              min_hourly_wage: quote.min_hourly_wage,
              min_wage_province: quote.min_wage_province || province,
              below_minimum_wage: quote.below_minimum_wage,
            }}
          />
          {quote.below_minimum_wage && (
            <Alert
              type="error"
              showIcon
              data-testid="bid-below-min-wage"
              message={t('bid.belowMinWage', {
                hourly: formatFen(quote.hourly_equivalent),
                min: formatFen(quote.min_hourly_wage),
              })}
            />
          )}
        </>
      )}
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="bid-problems"
          message={
            problems.length === 1 ? (
              problems[0]
            ) : (
              <ul className="plain-list">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </div>
  );
}
