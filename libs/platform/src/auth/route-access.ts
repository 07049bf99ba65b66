import { type INestApplicationContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROUTE_ACCESS_METADATA, type RouteAccess } from './access.decorators';

export interface RouteAccessEntry {
  readonly method: string;
  readonly path: string;
  readonly controller: string;
  readonly access: RouteAccess | undefined;
}

/**
 * Every HTTP route of the app with its access decision, read from the same metadata the guard reads: lets
 * a test prove that no route was left without one.
 */
export function listRouteAccess(app: INestApplicationContext): RouteAccessEntry[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const entries: RouteAccessEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const base = pathsOf(Reflect.getMetadata(PATH_METADATA, metatype));
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const routePath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      if (routePath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'GET';
      const access = reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS_METADATA, [handler, metatype]);
      for (const prefix of base) {
        for (const suffix of pathsOf(routePath)) {
          entries.push({ method, path: join(prefix, suffix), controller: metatype.name, access });
        }
      }
    }
  }
  return entries;
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

function join(prefix: string, suffix: string): string {
  const parts = [prefix, suffix].map((part) => part.replace(/^\/+|\/+$/g, '')).filter((part) => part.length > 0);
  return `/${parts.join('/')}`;
}
