import 'reflect-metadata';
import { bootstrapService } from '@revisit/platform';
import { AppModule } from './app.module';
import { outreachConfigSchema } from './config/outreach.config';

void bootstrapService({
  name: 'outreach',
  config: outreachConfigSchema,
  module: (config, context) => AppModule.forConfig(config, context),
});
