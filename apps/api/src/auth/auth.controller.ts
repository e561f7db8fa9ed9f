import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Ip, Post, Put, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, LOGIN_THROTTLE, rulePackInForceAt, StaffMember } from '@hearth/domain';
import { LoginThrottleRepository, StaffUsersRepository } from '@hearth/persistence';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { StaffView } from '../staff/staff.view';
import { AccessTokenClaims } from './auth.guard';
import { CurrentActor, Public } from './auth.decorators';
import { AccessTokenDto, ChangePasswordDto, LoginDto } from './login.dto';
import { MeView, PreferencesDto } from './preferences.dto';
import { hashPassword, verifyPassword } from './password';
import { userThrottleKey } from './throttle-keys';

/** Compared against when the username is unknown, so a refusal takes as long either way. */
const NO_SUCH_USER_HASH = hashPassword('no such user: this hash is only ever compared against');

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly users: StaffUsersRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private get rules() {
    return this.config.loginThrottle ?? LOGIN_THROTTLE;
  }

  /**
   * Any member of staff: exchange a username and password for a bearer token. Repeated failures
   * lock the username, and an address that fails too often, for a while (429 with Retry-After).
   */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  async login(@Body() body: LoginDto, @Ip() address: string): Promise<AccessTokenDto> {
    const now = new Date();
    const keys = { user: userThrottleKey(body.username), address: `address:${address}` };
    const [user, byAddress] = await Promise.all([this.throttle.attempt(keys.user, this.rules.perUser, now), this.throttle.attempt(keys.address, this.rules.perAddress, now)]);
    const locked = [user.lockedUntil, byAddress.lockedUntil].filter((date): date is Date => date !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    if (locked) throw tooManyAttempts(locked, now);
    // Over the limit before the password is even checked: parallel guesses get no further.
    if (user.count > this.rules.perUser.failures) throw tooManyAttempts(await this.throttle.lock(keys.user, this.rules.perUser, now), now);
    if (byAddress.count > this.rules.perAddress.failures) throw tooManyAttempts(await this.throttle.lock(keys.address, this.rules.perAddress, now), now);
    const staff = await this.users.findByUsername(body.username);
    const matches = await verifyPassword(body.password, staff?.passwordHash ?? (await NO_SUCH_USER_HASH));
    if (!staff || !matches) {
      if (user.count >= this.rules.perUser.failures) throw tooManyAttempts(await this.throttle.lock(keys.user, this.rules.perUser, now), now);
      if (byAddress.count >= this.rules.perAddress.failures) throw tooManyAttempts(await this.throttle.lock(keys.address, this.rules.perAddress, now), now);
      throw new UnauthorizedException('unknown username or wrong password');
    }
    await this.throttle.succeeded(keys.user, keys.address);
    if (!staff.active) throw new UnauthorizedException('this account has been deactivated: ask an administrator');
    const claims: AccessTokenClaims = { sub: staff.id, issuedAtMs: Date.now() };
    return { accessToken: await this.jwt.signAsync(claims), expiresIn: this.config.tokenTtlSeconds };
  }

  /** Any member of staff: who I am, my roles and my team. */
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeView })
  async me(@CurrentActor() actor: StaffMember): Promise<MeView> {
    const [me, preferences] = await Promise.all([this.users.summary(actor.userId), this.users.preferencesOf(actor.userId)]);
    if (!me) throw new DomainError('not-found', 'this account no longer exists');
    return { ...StaffView.of(me), preferences, jurisdiction: rulePackInForceAt(this.config.rulePackId, new Date()).jurisdiction };
  }

  /** Any member of staff keeps their language, digits and Hijri choice with their account. */
  @Put('me/preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: PreferencesDto })
  async setPreferences(@CurrentActor() actor: StaffMember, @Body() body: PreferencesDto): Promise<PreferencesDto> {
    const preferences = { language: body.language, digits: body.digits, hijri: body.hijri };
    await this.users.setPreferences(actor.userId, preferences);
    return preferences;
  }

  /** Any member of staff changes their own password, giving the current one; every session ends, this one too: log in again. */
  @Put('me/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async changePassword(@CurrentActor() actor: StaffMember, @Body() body: ChangePasswordDto): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      throw new DomainError('invalid-input', 'currentPassword is not your current password');
    }
    await this.users.setPassword(user.id, await hashPassword(body.newPassword), actor.userId);
  }
}

function tooManyAttempts(until: Date, now: Date): HttpException {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new HttpException(
    {
      statusCode: 429,
      error: 'too-many-attempts',
      message: `too many failed logins: this account or address is locked for ${Math.ceil(seconds / 60)} more minute(s). Try again then, or ask an administrator to reset the password, which unlocks it.`,
      retryAfterSeconds: seconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
