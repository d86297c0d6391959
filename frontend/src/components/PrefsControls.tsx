import { Button, Space } from 'antd';
import { FontSizeOutlined, GlobalOutlined } from '@ant-design/icons';
import { switchLang, useT } from '../i18n';
import { usePrefs } from '../prefs/usePrefs';
import { setLargeText } from '../prefs/store';

/** Language switch (中文/English) and large-text toggle, both remembered. */
export default function PrefsControls({ block = false }: { block?: boolean }) {
  const t = useT();
  const { lang, largeText } = usePrefs();
  return (
    <Space direction={block ? 'vertical' : 'horizontal'} size={8} style={block ? { width: '100%' } : undefined}>
      <Button
        icon={<GlobalOutlined />}
        aria-label={t('prefs.switchToLabel')}
        lang={lang === 'zh' ? 'en' : 'zh-CN'}
        onClick={() => void switchLang(lang === 'zh' ? 'en' : 'zh')}
        block={block}
      >
        {t('prefs.switchTo')}
      </Button>
      <Button
        icon={<FontSizeOutlined />}
        aria-pressed={largeText}
        aria-label={t('prefs.largeTextLabel')}
        type={largeText ? 'primary' : 'default'}
        onClick={() => setLargeText(!largeText)}
        block={block}
      >
        {t('prefs.largeText')}
      </Button>
    </Space>
  );
}
