import { Controller, Get, Inject, Res } from '@nestjs/common';
import { WorkerHeartbeatsRepository } from '@hearth/persistence';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { HealthCheckView, HealthView } from './health.view';

async function timed(probe: () => Promise<unknown>): Promise<HealthCheckView> {
  const started = Date.now();
  try {
    await probe();
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, error: (error as Error).message?.slice(0, 200) };
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Connection,
    private readonly heartbeats: WorkerHeartbeatsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** For the engineer on call and the load balancer: can the API reach PostgreSQL and Temporal, and is a worker alive? */
  @Public()
  @Get()
  @ApiOkResponse({ type: HealthView, description: 'PostgreSQL and Temporal answer, and a worker is alive' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Something is down: the body says what', headers: { 'Retry-After': { description: 'Seconds to wait before asking again', required: true, schema: { type: 'integer' } } } })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [database, temporal, worker] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.temporal.withDeadline(Date.now() + 2000, () => this.temporal.healthService.check({}))),
      timed(async () => {
        const seen = await this.heartbeats.lastSeen(this.config.temporal.taskQueue);
        if (!seen) throw new Error(`no worker has polled task queue ${this.config.temporal.taskQueue}`);
        const age = Date.now() - seen.getTime();
        if (age > this.config.workerStaleMs) throw new Error(`the worker was last seen ${Math.round(age / 1000)} s ago: dead or frozen`);
      }),
    ]);
    const status: HealthView['status'] = database.ok && temporal.ok && worker.ok ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    if (status !== 'ok') response.setHeader('Retry-After', '5');
    return { status, database, temporal, worker };
  }
}
