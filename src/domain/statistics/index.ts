export * from './charts';
export * from './complexity';
export * from './definitions';
export * from './figures';
export * from './fit';
export * from './period';
export * from './session';
export * from './types';
