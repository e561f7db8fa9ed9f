import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** A number from the query string, as sent (`?limit=20`); anything else is left for the validator to refuse. */
export const queryInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** The paging every list takes: a page size and the keyset cursor the previous page gave out. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Rows per page (20 unless said otherwise)' })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  cursor?: string;
}
