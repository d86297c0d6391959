import type zh from '../zh/settlement';

const settlement: { readonly [K in keyof typeof zh]: string } = {};

export default settlement;
