import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DelegationRecord } from '@hearth/persistence';

export class DelegationView {
  @ApiProperty() id!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() staffName!: string;
  @ApiProperty() delegateId!: string;
  @ApiProperty() delegateName!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt!: string | null;

  static of(record: DelegationRecord): DelegationView {
    const { id, staffId, staffName, delegateId, delegateName } = record;
    return { id, staffId, staffName, delegateId, delegateName, startsAt: record.startsAt.toISOString(), endsAt: record.endsAt.toISOString(), cancelledAt: record.cancelledAt?.toISOString() ?? null };
  }
}

export class DelegationList {
  @ApiProperty({ type: [DelegationView] }) items!: DelegationView[];
}
