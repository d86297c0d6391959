import type { ThemeConfig } from 'antd';

export const BRAND = '#c2410c'; // warm terracotta; white text on it passes WCAG AA

const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"WenQuanYi Micro Hei"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** Large-text mode (for elderly coordinators) scales fonts and controls. */
export function makeTheme(largeText: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: BRAND,
      colorLink: BRAND,
      colorInfo: '#1d4ed8',
      colorBgLayout: '#fbf7f2',
      borderRadius: 8,
      fontFamily,
      fontSize: largeText ? 18 : 14,
      controlHeight: largeText ? 44 : 36,
      lineHeight: 1.6,
    },
    components: {
      Layout: { headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: largeText ? 72 : 60, footerBg: 'transparent' },
      Menu: { itemBg: 'transparent' },
    },
  };
}
