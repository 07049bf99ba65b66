import { type CodeableConcept, type FhirResource, type Period, type Quantity, type Reference } from './fhir-types';

/** Narrow readers over untyped JSON: a field of the wrong shape reads as absent, never throws. */
export function text(resource: object | undefined, field: string): string | undefined {
  const value = resource ? (resource as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function object<T extends object>(resource: object | undefined, field: string): T | undefined {
  const value = resource ? (resource as Record<string, unknown>)[field] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
}

export function list<T extends object>(resource: object | undefined, field: string): T[] {
  const value = resource ? (resource as Record<string, unknown>)[field] : undefined;
  return Array.isArray(value) ? value.filter((item): item is T => item !== null && typeof item === 'object') : [];
}

export function concept(resource: object | undefined, field: string): CodeableConcept | undefined {
  return object<CodeableConcept>(resource, field);
}

export function concepts(resource: object | undefined, field: string): CodeableConcept[] {
  return list<CodeableConcept>(resource, field);
}

export function reference(resource: object | undefined, field: string): string | undefined {
  return text(object<Reference>(resource, field), 'reference');
}

export function period(resource: object | undefined, field: string): Period | undefined {
  return object<Period>(resource, field);
}

export function quantity(resource: object | undefined, field: string): Quantity | undefined {
  const value = object<Quantity>(resource, field);
  return typeof value?.value === 'number' ? value : undefined;
}

export function statusOf(resource: FhirResource): string | undefined {
  return text(resource, 'status');
}
