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

// Text reaches WCAG AA (4.5:1) on white and on the page's #fbf7f2 (axe,
// e2e/a11y.test.mjs). antd's grey for labels, hints and empty states is
// 0.45 black (3.3:1); 0.6 is 5.6:1.
const SECONDARY_TEXT = 'rgba(0, 0, 0, 0.6)';
// Placeholders (0.25 black by default, 1.8:1) sit on white inputs: 4.7:1,
// still lighter than hints and than what is typed.
const PLACEHOLDER = 'rgba(0, 0, 0, 0.55)';
// Where antd writes text in a status or preset colour (tags, success/warning
// text) it uses the bright shade meant for icons and bars (2–3:1 on its own
// light background); the text gets the darker shade of the same hue. Icons,
// bars and backgrounds keep the bright seeds.
const STATUS_TEXT = { colorSuccess: '#237804', colorWarning: '#874d00' };
const TAG_TEXT = { ...STATUS_TEXT, green7: '#237804', gold7: '#874d00', orange7: '#ad4e00', volcano7: '#ad2102' };

// Each page's title is its one <h1> (the page outline screen readers use)
// and keeps the size of antd's h2 it had: theme.getDesignToken's
// fontSizeHeading2/lineHeightHeading2 at font size 14 and 18 (calling it here
// would add 1 KB to the first page).
const H1_AS_H2 = {
  normal: { fontSizeHeading1: 30, lineHeightHeading1: 38 / 30 },
  large: { fontSizeHeading1: 40, lineHeightHeading1: 1.2 },
};

/** Large-text mode (for elderly coordinators) scales fonts and controls. */
export function makeTheme(largeText: boolean): ThemeConfig {
  const fontSize = largeText ? 18 : 14;
  return {
    token: {
      colorPrimary: BRAND,
      colorLink: BRAND,
      colorInfo: '#1d4ed8',
      colorError: '#cf1322', // antd's red-7: danger buttons and error text 5.6:1 (the default is 3.3:1)
      colorTextTertiary: SECONDARY_TEXT,
      colorTextDescription: SECONDARY_TEXT,
      colorTextPlaceholder: PLACEHOLDER,
      colorBgLayout: '#fbf7f2',
      borderRadius: 8,
      fontFamily,
      fontSize,
      controlHeight: largeText ? 44 : 36,
      lineHeight: 1.6,
    },
    components: {
      Layout: { headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: largeText ? 72 : 60, footerBg: 'transparent' },
      Menu: { itemBg: 'transparent' },
      Tag: TAG_TEXT,
      Typography: { ...STATUS_TEXT, ...(largeText ? H1_AS_H2.large : H1_AS_H2.normal) },
    },
  };
}
