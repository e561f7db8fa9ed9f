import { Controller, Get, Header, Headers, MessageEvent, Query, Sse } from '@nestjs/common';
import { concatMap, defer, from, interval, merge, Observable, of, startWith, switchMap, takeWhile, throttleTime } from 'rxjs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ALERT_KINDS, ALERT_SEVERITIES, AlertKind, AlertSeverity, localDateTimeOf, rulePackInForceAt, StaffMember, taskCatalogue } from '@hearth/domain';
import { AlertEventRow, AlertRow, AlertsRepository } from '@hearth/persistence';
import { AlertStream } from './alert-stream';
import { AlertEvents } from './alert-events';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../common/page.query';
import { CaseAccess } from '../access/case-access';
import { CurrentActor, TokenClaims } from '../auth/auth.decorators';
import { AccessTokenClaims, AuthGuard } from '../auth/auth.guard';
import { cursorDate, decodeCursor, keysetPage } from '../common/keyset-cursor';

export class AlertsQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS) kind?: AlertKind;
  @ApiPropertyOptional({ enum: ALERT_SEVERITIES }) @IsOptional() @IsIn(ALERT_SEVERITIES) severity?: AlertSeverity;
  @ApiPropertyOptional({ example: 'household:7d4c…' }) @IsOptional() @IsString() @Length(1, 100) caseRef?: string;
}

/** An alert as a work list shows it: what it is about, on which case (number and family name), raised when. */
export class AlertView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty({ enum: ALERT_SEVERITIES }) severity!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The task type, clock rule or step the alert is about' }) about!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Background check' }) aboutTitle!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) taskId!: string | null;
  @ApiProperty() caseRef!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) caseName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) recipientRole!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) recipientId!: string | null;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ example: '2026-12-03T16:00', description: "When it was raised, on the wall clock of the case's jurisdiction" }) raisedLocal!: string;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;

  static of(row: AlertRow): AlertView {
    const timeZone = row.rulePackId ? rulePackInForceAt(row.rulePackId, row.raisedAt).timeZone : 'UTC';
    const task = row.about ? (taskCatalogue as Record<string, { title: string }>)[row.about] : undefined;
    return {
      id: row.id,
      kind: row.kind,
      severity: row.severity,
      about: row.about,
      aboutTitle: task?.title ?? null,
      taskId: row.taskId,
      caseRef: row.caseRef,
      caseNumber: row.caseNumber,
      caseName: row.caseName,
      recipientRole: row.recipientRole,
      recipientId: row.recipientId,
      raisedAt: row.raisedAt.toISOString(),
      raisedLocal: localDateTimeOf(row.raisedAt, timeZone),
      timeZone,
    };
  }
}

/** One event of the live stream: an alert raised (`alert`) or resolved (`resolved`). */
export class AlertEventView {
  @ApiProperty({ enum: ['raised', 'resolved'] }) change!: 'raised' | 'resolved';
  @ApiProperty({ type: AlertView }) alert!: AlertView;
}

const HEARTBEAT_MS = 25_000;
const HEARTBEAT: MessageEvent = { type: 'heartbeat', data: {} };
function eventOf(row: AlertEventRow): MessageEvent {
  const change = row.resolvedAt ? 'resolved' : 'raised';
  return { id: row.eventSeq, type: change, data: { change, alert: AlertView.of(row) } satisfies AlertEventView };
}

/** The last event of a stream whose session ended: sign in again. */
const SESSION_ENDED: MessageEvent = { type: 'session-ended', data: {} };

export class AlertPage {
  @ApiProperty({ type: [AlertView] }) items!: AlertView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

@ApiTags('alerts')
@ApiBearerAuth()
@ApiExtraModels(AlertEventView)
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly access: CaseAccess,
    private readonly events: AlertEvents,
    private readonly guard: AuthGuard,
  ) {}

  /**
   * Alerts as they are raised and resolved, for whoever would see them in `GET /alerts`, as
   * Server-Sent Events (`id` is the event number). Send `Last-Event-ID` to resume after a lost
   * connection: nothing raised meanwhile is missed, and the last events before it may come again
   * (drop ids already seen). A `heartbeat` event comes every 25 s.
   */
  @Sse('stream')
  @Header('X-Accel-Buffering', 'no')
  @ApiOkResponse({ description: 'text/event-stream of AlertEventView (event types raised, resolved, heartbeat)', content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/AlertEventView' } } } })
  stream(@CurrentActor() actor: StaffMember, @TokenClaims() claims: AccessTokenClaims & { exp?: number }, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    const resumeAfter = /^\d{1,15}$/.test(lastEventId ?? '') ? Number(lastEventId) : undefined;
    // Who the caller is now, before each read: a stream opened before a deactivation, a password
    // reset, a move to another team or the token's expiry must not go on sending what they no longer see.
    const standing = async (): Promise<StaffMember | null> => {
      if (claims.exp !== undefined && claims.exp * 1000 <= Date.now()) return null;
      return this.guard.actorFor(claims).catch(() => null);
    };
    const events = defer(async () => (resumeAfter === undefined ? AlertStream.fromNow(this.alerts, actor) : AlertStream.after(this.alerts, actor, resumeAfter))).pipe(
      // Each notification (coalesced) asks for what this person may see and has not been sent.
      switchMap((stream) =>
        this.events.notifications.pipe(
          startWith(undefined),
          throttleTime(100, undefined, { leading: true, trailing: true }),
          concatMap(async () => {
            const now = await standing();
            if (!now) return null;
            const rows = await stream.next(now);
            await this.access.logRead(now, rows.filter((row) => row.caseName).map((row) => row.caseRef), ['caseName'], 'GET /alerts/stream');
            return rows;
          }),
          takeWhile((rows) => rows !== null, true),
          concatMap((rows) => (rows ? from(rows.map(eventOf)) : of(SESSION_ENDED))),
        ),
      ),
    );
    // The heartbeat asks too, so a quiet stream still ends with the session.
    const heartbeats = interval(HEARTBEAT_MS).pipe(
      concatMap(async () => ((await standing()) ? HEARTBEAT : SESSION_ENDED)),
      takeWhile((event) => event !== SESSION_ENDED, true),
    );
    return merge(events, heartbeats).pipe(takeWhile((event) => event !== SESSION_ENDED, true));
  }

  /**
   * Open alerts, most severe first, then oldest, paged: a team manager sees every alert on their
   * team's cases (overdue tasks, escalations, breached statutory clocks); other staff see those
   * addressed to them or their role.
   */
  @Get()
  @ApiOkResponse({ type: AlertPage })
  async list(@CurrentActor() actor: StaffMember, @Query() query: AlertsQueryDto): Promise<AlertPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, 3) : undefined;
    const rows = await this.alerts.page(actor, {
      kind: query.kind,
      severity: query.severity,
      caseRef: query.caseRef,
      after: after && { rank: Number(after[0]), raisedAt: cursorDate(after[1]), id: after[2] },
      limit: limit + 1,
    });
    const page = keysetPage(rows, limit, (last) => [String(last.rank), last.raisedAt, last.id]);
    await this.access.logRead(actor, page.items.filter((row) => row.caseName).map((row) => row.caseRef), ['caseName'], 'GET /alerts');
    return { items: page.items.map(AlertView.of), nextCursor: page.nextCursor };
  }
}
