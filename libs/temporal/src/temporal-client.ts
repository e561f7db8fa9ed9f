import { Client, Connection } from '@temporalio/client';
import { TemporalConfig } from './temporal-config';

/**
 * A connection made on first use, so the API starts (and answers reads and health checks) while
 * Temporal is still coming up or briefly away.
 */
export function createTemporalConnection(config: TemporalConfig): Connection {
  return Connection.lazy({ address: config.address });
}

export function createTemporalClient(connection: Connection, config: TemporalConfig): Client {
  return new Client({ connection, namespace: config.namespace });
}
