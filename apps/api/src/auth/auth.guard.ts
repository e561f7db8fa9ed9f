import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { isStaffRole, StaffMember, StaffRole } from '@hearth/domain';
import { StaffUsersRepository } from '@hearth/persistence';
import type { Request } from 'express';
import { requestContext } from '../common/request-context';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

export interface AccessTokenClaims {
  sub: string;
  /** Issued at, in milliseconds (JWT's own `iat` counts whole seconds, too coarse to end a session at once). */
  issuedAtMs: number;
}

/**
 * Every route needs a valid bearer token unless marked @Public; @Roles narrows who may call it. The
 * token says only who you are: roles, team and whether the account is active are read from
 * PostgreSQL on every request, so a deactivation or a change of role takes effect at once, and a
 * password change ends every session issued before it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly users: StaffUsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: StaffMember; tokenClaims?: AccessTokenClaims }>();
    const [scheme, token] = (request.header('authorization') ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('a bearer token is required: POST /auth/login');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedException('the token is invalid or has expired');
    }
    if (typeof claims?.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub)) throw new UnauthorizedException('the token does not say who you are: log in again');
    const actor = await this.actorFor(claims);
    request.actor = actor;
    request.tokenClaims = claims;
    const store = requestContext.getStore();
    if (store) store.userId = actor.userId;
    const required = this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => actor.roles.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }

  /**
   * Who a token's holder is now: their roles and team as PostgreSQL has them, or 401 when the
   * account is gone or deactivated, or the session ended. Long-lived responses (the alert stream)
   * ask again as they go.
   */
  async actorFor(claims: AccessTokenClaims): Promise<StaffMember> {
    const user = await this.users.findById(claims.sub);
    if (!user) throw new UnauthorizedException('this account no longer exists');
    if (!user.active) throw new UnauthorizedException('this account has been deactivated');
    if (typeof claims.issuedAtMs !== 'number' || claims.issuedAtMs < user.sessionsValidFrom.getTime()) {
      throw new UnauthorizedException('this session has ended (the password changed): log in again');
    }
    return { userId: user.id, roles: user.roles.filter(isStaffRole), teamId: user.teamId };
  }
}
