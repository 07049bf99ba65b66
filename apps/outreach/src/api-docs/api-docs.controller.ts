import { Controller, Get, Header, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import {
  ApplicationConfig,
  DiscoveryService,
  HttpAdapterHost,
  MetadataScanner,
  ModulesContainer,
  Reflector,
} from '@nestjs/core';
import { ApiExcludeController, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { listRouteAccess, Public } from '@revisit/platform';
import { completeDocument } from './openapi-document';
import { renderDocsPage } from './docs-page';

/**
 * The agents' API description, public on purpose: it lists routes and roles, never data, and integrators
 * read it before they have a token. Built on first request, once every controller is registered.
 */
@ApiExcludeController()
@Controller('docs')
export class ApiDocsController {
  private document: OpenAPIObject | undefined;

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  @Get('openapi.json')
  @Public()
  openapi(): OpenAPIObject {
    this.document ??= this.build();
    return this.document;
  }

  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return renderDocsPage(this.openapi());
  }

  private build(): OpenAPIObject {
    const config = new DocumentBuilder()
      .setTitle("Revisit outreach: agents' API / 回访外呼坐席接口")
      .setDescription('Worklist, calls, complaints, call audit and workload. Errors are application/problem+json.')
      .setVersion('1')
      .setOpenAPIVersion('3.1.0')
      .build();
    // The scanner reads the application's module container; the same objects are injectable here.
    const application = {
      container: { getModules: () => this.modules, isGlobalModule: () => false },
      config: new ApplicationConfig(),
      getHttpAdapter: () => this.adapterHost.httpAdapter,
    } as unknown as INestApplication;
    const tokens = new Map<unknown, unknown>([
      [DiscoveryService, this.discovery],
      [MetadataScanner, this.scanner],
      [Reflector, this.reflector],
    ]);
    const context = { get: (token: unknown) => tokens.get(token) } as unknown as INestApplicationContext;
    const routes = listRouteAccess(context).filter((route) => route.controller !== ApiDocsController.name);
    return completeDocument(SwaggerModule.createDocument(application, config), routes);
  }
}
