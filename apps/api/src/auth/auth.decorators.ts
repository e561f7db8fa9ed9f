import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { StaffMember, StaffRole } from '@hearth/domain';

export const PUBLIC_ROUTE = 'hearth:public';
export const REQUIRED_ROLES = 'hearth:roles';

/** No token needed: login, health and the API docs. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only staff holding one of these roles may call the route. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in member of staff: id, roles (as they are now) and team. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): StaffMember => context.switchToHttp().getRequest().actor);

/** The verified claims of the request's bearer token (who, and when the session began). */
export const TokenClaims = createParamDecorator((_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest().tokenClaims);
