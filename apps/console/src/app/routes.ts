import { type Role } from '../api/auth-api';
import { type MessageKey } from '../i18n/messages';

/** Pages by hash route; `roles` decides which the navigation offers (the services enforce access anyway). */
export const ROUTES = [
  { path: 'dashboard', label: 'nav.dashboard', roles: ['supervisor', 'admin', 'auditor'] },
  { path: 'workbench', label: 'nav.workbench', roles: ['agent', 'supervisor'] },
  { path: 'workload', label: 'nav.workload', roles: ['supervisor', 'admin'] },
  { path: 'audit', label: 'nav.audit', roles: ['supervisor', 'auditor'] },
  { path: 'complaints', label: 'nav.complaints', roles: ['supervisor', 'admin'] },
] as const satisfies readonly { path: string; label: MessageKey; roles: readonly Role[] }[];

export type RoutePath = (typeof ROUTES)[number]['path'];

export function routesFor(roles: readonly Role[]): RoutePath[] {
  return ROUTES.filter((route) => route.roles.some((role) => roles.includes(role))).map((route) => route.path);
}

export function parseHash(hash: string): RoutePath | undefined {
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  return ROUTES.find((route) => route.path === path)?.path;
}
