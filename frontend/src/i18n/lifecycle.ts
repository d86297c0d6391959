// The money, fulfilment, settlement and organisation documents areas' Chinese
// (about 13 KB gzip), loaded with the pages that use it rather than on the
// first page. Every page
// or component outside src/pages/contracts that shows these areas' strings
// imports this module once: `import '../../i18n/lifecycle';`.
import { addChinese } from './index';
import money from './zh/money';
import fulfilment from './zh/fulfilment';
import settlement from './zh/settlement';
import documents from './zh/documents';
import './scorecards';

addChinese({ ...money, ...fulfilment, ...settlement, ...documents });
