import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One dependency's answer to the health check: whether it answered, how fast, and what went wrong. */
export class HealthCheckView {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer', description: 'How long the probe took, in milliseconds' }) ms!: number;
  @ApiPropertyOptional({ description: 'Why the probe failed (only when ok is false)' }) error?: string;
}

/** Whether the API can reach PostgreSQL and Temporal, and a worker is alive: 200 when all are, 503 otherwise. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: HealthCheckView }) database!: HealthCheckView;
  @ApiProperty({ type: HealthCheckView }) temporal!: HealthCheckView;
  @ApiProperty({ type: HealthCheckView, description: 'A worker polled the task queue recently' }) worker!: HealthCheckView;
}
