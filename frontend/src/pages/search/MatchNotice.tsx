import { useT } from '../../i18n';
import type { SearchMeta } from '../../api/types';

// Plain markup (no antd): the search page is a first page on a phone and
// its JS budget is checked (scripts/bundle-size.mjs).

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
    <div className="word-chips wrap-row">
      <span className="muted">{t('search.removeWords')}</span>
      {words.map((w) => (
        <button key={w} type="button" className="tag word-chip" aria-label={t('search.removeWord', { word: w })} onClick={() => onRemove(w)}>
          {w} <span aria-hidden>×</span>
        </button>
      ))}
    </div>
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
    <div className="panel partial-match" role="status" data-testid="partial-match" style={{ marginBottom: 12 }}>
      <p>
        <span className="tag tag-gold">{t('search.partial')}</span> {t('search.partialText', { words: (meta.matched_words ?? []).join('、') })}
      </p>
      <WordChips words={meta.words} onRemove={onRemove} />
    </div>
  );
}
