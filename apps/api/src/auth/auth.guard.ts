import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, isStaffRole, StaffRole } from '@hearth/domain';
import type { Request } from 'express';
import { requestContext } from '../common/request-context';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

export interface AccessTokenClaims {
  sub: string;
  roles: string[];
}

/** Every route needs a valid bearer token unless marked @Public; @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('a bearer token is required: POST /auth/login');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException('the token is invalid or has expired');
    }
    if (typeof claims?.sub !== 'string' || !Array.isArray(claims.roles)) throw new UnauthorizedException('the token does not say who you are: log in again');
    const actor: Actor = { userId: claims.sub, roles: claims.roles.filter(isStaffRole) };
    request.actor = actor;
    const store = requestContext.getStore();
    if (store) store.userId = actor.userId;
    const required = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
