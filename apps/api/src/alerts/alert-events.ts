import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { API_CONFIG, ApiConfig } from '../config/api-config';

const CHANNEL = 'hearth_alert';
const RECONNECT_MS = 2_000;

/**
 * PostgreSQL's word that an alert was raised or resolved (NOTIFY hearth_alert from the alert
 * table's trigger, whichever process wrote it). One LISTEN connection per API instance, kept open
 * and re-opened after a failure; each live stream asks the database what it may see.
 */
@Injectable()
export class AlertEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AlertEvents');
  private readonly changed = new Subject<void>();
  private client?: Client;
  private stopping = false;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Emits whenever an alert event is committed (several at once may arrive as one). */
  get notifications(): Observable<void> {
    return this.changed.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: Error) => this.retryLater(error));
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'hearth-alert-events' });
    client.on('notification', () => this.changed.next());
    client.on('error', (error) => this.retryLater(error));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    // Events committed while no connection listened: the streams catch up from their last event.
    this.changed.next();
  }

  private retryLater(error: Error): void {
    const client = this.client;
    this.client = undefined;
    void client?.end().catch(() => undefined);
    if (this.stopping) return;
    this.logger.warn(`listening for alert events failed (${error.message}); trying again`);
    setTimeout(() => void this.listen().catch((again: Error) => this.retryLater(again)), RECONNECT_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.changed.complete();
    await this.client?.end().catch(() => undefined);
  }
}
