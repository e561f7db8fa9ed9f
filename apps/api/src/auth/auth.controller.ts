import { Body, Controller, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffUsersRepository } from '@hearth/persistence';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { AccessTokenClaims } from './auth.guard';
import { Public } from './auth.decorators';
import { AccessTokenDto, LoginDto } from './login.dto';
import { verifyPassword } from './password';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Any member of staff: exchange a username and password for a bearer token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  async login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    const user = await this.users.findByUsername(body.username);
    if (!user || !user.active || !(await verifyPassword(body.password, user.passwordHash))) {
      throw new UnauthorizedException('unknown username or wrong password');
    }
    const claims: AccessTokenClaims = { sub: user.id, roles: user.roles };
    return { accessToken: await this.jwt.signAsync(claims), expiresIn: this.config.tokenTtlSeconds };
  }
}
