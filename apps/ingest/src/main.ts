import 'reflect-metadata';
import { bootstrapService } from '@revisit/platform';
import { AppModule } from './app.module';
import { ingestConfigSchema } from './config/ingest.config';
import { ingestHttpsOptions } from './config/https-options';

void bootstrapService({
  name: 'ingest',
  config: ingestConfigSchema,
  module: (config, context) => AppModule.forConfig(config, context),
  https: ingestHttpsOptions,
});
