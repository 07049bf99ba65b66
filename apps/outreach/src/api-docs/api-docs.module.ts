import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApiDocsController } from './api-docs.controller';

/** OpenAPI 3.1 description of the agents' API at `/docs`. */
@Module({ imports: [DiscoveryModule], controllers: [ApiDocsController] })
export class ApiDocsModule {}
