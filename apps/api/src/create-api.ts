import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { describeErrors, ErrorBody } from './common/api-errors';
import { ErrorsFilter } from './common/errors.filter';
import { JsonLogger } from './common/json-logger';
import { jsonBodiesOnly, requestShapeLimits } from './common/request-shape.middleware';
import { requestLogging } from './common/request-logging.middleware';
import { hearthValidationPipe } from './common/validation';
import { ApiConfig } from './config/api-config';
import { webApp } from './common/web-app';

/** Builds the HTTP app (used by main.ts, the end-to-end tests and the benchmark). */
export async function createApi(config: ApiConfig, logger = new JsonLogger()): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger, bufferLogs: false });
  app.disable('x-powered-by');
  // Behind a reverse proxy, the client's address (for login throttling) is in X-Forwarded-For.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  // The web app's own scripts and styles only; Mantine sets CSS variables in a style element.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'upgrade-insecure-requests': null } } }));
  // Responses carry children's and carers' personal data: no browser or proxy keeps a copy.
  app.use((request: { path: string }, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (!request.path.startsWith('/docs')) response.setHeader('Cache-Control', 'no-store');
    next();
  });
  for (const handler of webApp(config.webAppDir)) app.use(handler);
  app.use(requestLogging(logger));
  app.use(jsonBodiesOnly());
  app.useBodyParser('json', { limit: '256kb' });
  app.use(requestShapeLimits());
  app.useGlobalPipes(hearthValidationPipe());
  app.useGlobalFilters(new ErrorsFilter(logger));
  app.enableShutdownHooks();
  // Every operation's errors are described once, after the document is generated (api-errors.ts).
  const document = describeErrors(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Hearth')
        .setDescription('Foster care lifecycle: tasks, households and their workflows')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
      { extraModels: [ErrorBody] },
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
