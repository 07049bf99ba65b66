export * from './access.decorators';
export * from './auth.errors';
export * from './bearer-auth.guard';
export * from './jwt-verifier';
export * from './principal';
export * from './route-access';
