import 'reflect-metadata';
import { bootstrapService } from '@revisit/platform';
import { AppModule } from './app.module';
import { analyticsConfigSchema } from './config/analytics.config';

void bootstrapService({
  name: 'analytics',
  config: analyticsConfigSchema,
  module: (config, context) => AppModule.forConfig(config, context),
});
