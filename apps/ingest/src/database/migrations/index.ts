import { createMessagingMigrations } from '@revisit/messaging';
import { INGEST_SCHEMA } from '../ingest-schema';
import { EmpiRegistry1795700000000 } from '../../empi/registry/empi-registry.migration';
import { FeedSources1795800000000 } from './feed-sources.migration';
import { RawMessages1795600000000 } from './raw-messages.migration';
import { SourceOrganisations1795900000000 } from './source-organisations.migration';

/** Every migration of the `ingest` schema, in order. Feature migrations are appended here. */
export const INGEST_MIGRATIONS = [
  ...createMessagingMigrations(INGEST_SCHEMA),
  RawMessages1795600000000,
  EmpiRegistry1795700000000,
  FeedSources1795800000000,
  SourceOrganisations1795900000000,
];
