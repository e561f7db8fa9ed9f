import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'caseworker' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() expiresIn!: number;
}
