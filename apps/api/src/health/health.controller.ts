import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Connection } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

interface Check {
  ok: boolean;
  ms: number;
  error?: string;
}

async function timed(probe: () => Promise<unknown>): Promise<Check> {
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
  ) {}

  /** For the engineer on call and the load balancer: can the API reach PostgreSQL and Temporal? */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response) {
    const [database, temporal] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.temporal.withDeadline(Date.now() + 2000, () => this.temporal.healthService.check({}))),
    ]);
    const status = database.ok && temporal.ok ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    return { status, database, temporal };
  }
}
