import type zh from '../zh/fulfilment';

const fulfilment: { readonly [K in keyof typeof zh]: string } = {};

export default fulfilment;
