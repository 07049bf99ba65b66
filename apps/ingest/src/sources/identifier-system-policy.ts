import { type LocalIdentifier, type NormalisedEvent } from '../normalise/normalised-event';
import { type FeedSource } from './feed-source.entity';

function identifiersOf(event: NormalisedEvent): readonly LocalIdentifier[] {
  const merge =
    event.type === 'revisit.source.patients-merged.v1' ? (event as NormalisedEvent<typeof event.type>).data : undefined;
  return [...event.patient.identifiers, ...(merge ? [...merge.surviving, ...merge.retired] : [])];
}

/**
 * The assigning authorities the events write that their source is not bound to. Identifiers without a
 * system, and systems named after the source (`<source id>/member` for ERP member ids), are the source's
 * own and always allowed; "*" in the binding allows every system
 * (for an interface engine relaying several HIS, configured deliberately).
 */
export function disallowedIdentifierSystems(events: readonly NormalisedEvent[], source: FeedSource): string[] {
  if (source.identifierSystems.includes('*')) return [];
  const allowed = new Set(source.identifierSystems.map((s) => s.toUpperCase()));
  const refused = new Set<string>();
  for (const event of events) {
    // A FHIR client names its system in meta.source; it may only name itself or a system it is bound to.
    const claimed = event.source.format === 'fhir-r4' ? event.source.system : undefined;
    if (claimed && claimed !== source.id && !allowed.has(claimed.toUpperCase())) refused.add(claimed);
    for (const identifier of identifiersOf(event)) {
      if (identifier.system && !allowed.has(identifier.system.toUpperCase()) && !ownSystem(identifier.system, source)) {
        refused.add(identifier.system);
      }
    }
  }
  return [...refused].sort();
}

function ownSystem(system: string, source: FeedSource): boolean {
  return system === source.id || system.startsWith(`${source.id}/`);
}
