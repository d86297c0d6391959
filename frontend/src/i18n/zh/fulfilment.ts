// Fulfilment strings (Chinese, the source language). en/fulfilment.ts has the same keys.
const fulfilment = {} as const;

export default fulfilment;
