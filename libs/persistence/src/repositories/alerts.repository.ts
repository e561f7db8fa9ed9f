import { DataSource, IsNull } from 'typeorm';
import { AlertEntity } from '../entities/alert.entity';

export interface AlertRecord {
  id: string;
  kind: string;
  severity: string;
  taskId: string | null;
  caseRef: string;
  raisedAt: Date;
}

const toRecord = ({ id, kind, severity, taskId, caseRef, raisedAt }: AlertEntity): AlertRecord => ({ id, kind, severity, taskId, caseRef, raisedAt });

/** Alerts managers watch; raised by workflow activities (see TasksRepository.markOverdue). */
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async open(limit: number): Promise<AlertRecord[]> {
    const rows = await this.dataSource.getRepository(AlertEntity).find({
      where: { resolvedAt: IsNull() },
      order: { raisedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.map(toRecord);
  }

  async forTask(taskId: string): Promise<AlertRecord[]> {
    const rows = await this.dataSource.getRepository(AlertEntity).find({ where: { taskId }, order: { raisedAt: 'ASC' } });
    return rows.map(toRecord);
  }
}
