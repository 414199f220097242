export * from './errors';
export * from './events';
export * from './methods';
export * from './schemas';
export * from './packing';
export * from './printing';
export * from './returns';
export * from './statistics';
