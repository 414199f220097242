export * from './completion';
export * from './expiry';
export * from './parcels';
export * from './progress';
export * from './scan';
export * from './session';
export * from './verdict';
