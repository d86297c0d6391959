import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { makeQueryClient } from './api/queryClient';
import { usePrefs } from './prefs/usePrefs';
import { makeTheme } from './theme';
import { FeedbackProvider } from './components/feedback';
import { antdLocaleFor } from './i18n';

/** Everything a page needs around it: data cache, antd locale + theme. */
export function Providers({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? makeQueryClient());
  const { lang, largeText } = usePrefs();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.classList.toggle('large-text', largeText);
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang, largeText]);
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={antdLocaleFor(lang, zhCN)} theme={makeTheme(largeText)} button={{ autoInsertSpace: false }}>
        <FeedbackProvider>{children}</FeedbackProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
