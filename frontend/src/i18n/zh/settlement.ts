// Settlement strings (Chinese, the source language). en/settlement.ts has the same keys.
const settlement = {} as const;

export default settlement;
