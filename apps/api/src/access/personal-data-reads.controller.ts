import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { PersonalDataReadsRepository } from '@hearth/persistence';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Roles } from '../auth/auth.decorators';
import { cursorDate, decodeCursor, keysetPage } from '../common/keyset-cursor';

export class PersonalDataReadsQuery {
  @ApiPropertyOptional({ example: 'household:7d4c…' }) @IsOptional() @IsString() @Length(1, 100) caseRef?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() readerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 400) cursor?: string;
}

export class PersonalDataReadView {
  @ApiProperty() id!: string;
  @ApiProperty() readAt!: string;
  @ApiProperty() readerId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readerName!: string | null;
  @ApiProperty() caseRef!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty({ example: 'GET /households/:id' }) route!: string;
}

export class PersonalDataReadPage {
  @ApiProperty({ type: [PersonalDataReadView] }) items!: PersonalDataReadView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

const PAGE = 100;

@ApiTags('access log')
@ApiBearerAuth()
@Controller('personal-data-reads')
export class PersonalDataReadsController {
  constructor(private readonly reads: PersonalDataReadsRepository) {}

  /** An admin: who read which case's personal data, when, and which fields; newest first. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: PersonalDataReadPage })
  async list(@Query() query: PersonalDataReadsQuery): Promise<PersonalDataReadPage> {
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.reads.list({ caseRef: query.caseRef, readerId: query.readerId, after: after && { readAt: cursorDate(after[0]), id: after[1] }, limit: PAGE + 1 });
    const page = keysetPage(rows, PAGE, (last) => [last.readAt, last.id]);
    return { items: page.items.map((read) => ({ ...read, readAt: read.readAt.toISOString() })), nextCursor: page.nextCursor };
  }
}
