// Money strings (Chinese, the source language). en/money.ts has the same keys.
const money = {} as const;

export default money;
