import { Alert, Space, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import type { SearchMeta } from '../../api/types';

/** A total as shown: "10,000+" when the search stopped counting there. */
export function totalLabel(total: number, exact: boolean | undefined): string | number {
  return exact === false ? `${total.toLocaleString()}+` : total;
}

/** The query without one of its words. */
export const withoutWord = (words: string[], word: string) => words.filter((w) => w !== word).join(' ');

/** The query's words as chips, each removable: one tap searches without it. */
export function WordChips({ words, onRemove }: { words: string[]; onRemove: (word: string) => void }) {
  const t = useT();
  return (
    <Space size={[4, 8]} wrap className="word-chips">
      <Typography.Text type="secondary">{t('search.removeWords')}</Typography.Text>
      {words.map((w) => (
        <Tag
          key={w}
          closable
          closeIcon={<CloseOutlined aria-label={t('search.removeWord', { word: w })} />}
          onClose={(e) => {
            e.preventDefault();
            onRemove(w);
          }}
          className="word-chip"
        >
          {w}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * No dead ends: when no result had every word (match "partial") the page
 * says so (部分匹配), names the words the results have, and offers the
 * query's words as chips to remove.
 */
export function PartialMatch({ meta, onRemove }: { meta: SearchMeta; onRemove: (word: string) => void }) {
  const t = useT();
  if (meta.match !== 'partial' || !meta.words?.length) return null;
  return (
    <Alert
      type="info"
      className="partial-match"
      data-testid="partial-match"
      style={{ marginBottom: 12 }}
      message={
        <>
          <Tag color="gold">{t('search.partial')}</Tag>
          {t('search.partialText', { words: (meta.matched_words ?? []).join('、') })}
        </>
      }
      description={<WordChips words={meta.words} onRemove={onRemove} />}
    />
  );
}
