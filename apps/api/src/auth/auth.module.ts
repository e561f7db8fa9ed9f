import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ApiConfig } from '../config/api-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';

@Module({})
export class AuthModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.tokenTtlSeconds, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } })],
      controllers: [AuthController],
      // The guard is also a provider of its own: long-lived responses ask it who the caller is now.
      global: true,
      providers: [AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
      exports: [AuthGuard],
    };
  }
}
