// Money, amounts as typed, contract terms, 12-month aggregation and the estimated value.
export * from './money.ts';
export * from './parse.ts';
export * from './format.ts';
export * from './duration.ts';
export * from './aggregate.ts';
export * from './estimate.ts';
export * from './share.ts';
