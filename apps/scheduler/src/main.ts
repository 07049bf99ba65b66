import 'reflect-metadata';
import { bootstrapService } from '@revisit/platform';
import { AppModule } from './app.module';
import { schedulerConfigSchema } from './config/scheduler.config';

void bootstrapService({
  name: 'scheduler',
  config: schedulerConfigSchema,
  module: (config, context) => AppModule.forConfig(config, context),
});
