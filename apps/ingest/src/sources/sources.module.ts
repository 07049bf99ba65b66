import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedSourceEntity } from './feed-source.entity';
import { FeedSourceGuard } from './feed-source.guard';
import { SourceAuthenticator } from './source-authenticator.service';

/** Feed source authentication, shared by every feed edge (HTTP, FHIR, CSV import, MLLP). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([FeedSourceEntity])],
  providers: [SourceAuthenticator, FeedSourceGuard],
  exports: [SourceAuthenticator, FeedSourceGuard],
})
export class SourcesModule {}
