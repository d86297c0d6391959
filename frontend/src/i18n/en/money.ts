import type zh from '../zh/money';

const money: { readonly [K in keyof typeof zh]: string } = {};

export default money;
