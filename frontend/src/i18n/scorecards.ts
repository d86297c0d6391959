// The public scorecards' Chinese (zh/scorecards.ts, about 1 KB gzip), loaded
// by components/scorecards without the rest of the lifecycle areas' strings
// (lifecycle.ts), which an anonymous visitor of a public order never needs.
import { addChinese } from './index';
import scorecards from './zh/scorecards';

addChinese(scorecards);
