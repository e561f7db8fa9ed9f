import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, StaffRole } from '@hearth/domain';

export const PUBLIC_ROUTE = 'hearth:public';
export const REQUIRED_ROLES = 'hearth:roles';

/** No token needed: login, health and the API docs. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only staff holding one of these roles may call the route. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated member of staff, as id and roles. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor);
