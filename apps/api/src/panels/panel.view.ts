import { ApiProperty } from '@nestjs/swagger';
import { localDateTimeOf } from '@hearth/domain';
import { PanelCaseRecord, PanelRecord } from '@hearth/persistence';
import type { PapersStatus } from './panels.service';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A panel sitting: when, its chair and its members. */
export class PanelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) sittingAt!: string;
  @ApiProperty({ example: '2026-12-10T09:00', description: "The sitting on the jurisdiction's wall clock" }) sittingLocal!: string;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;
  @ApiProperty({ format: 'uuid' }) chairId!: string;
  @ApiProperty({ type: [String], description: 'Staff ids of everyone sitting, the chair included' }) memberIds!: string[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of({ id, sittingAt, chairId, memberIds, createdBy, createdAt }: PanelRecord, timeZone: string): PanelView {
    return { id, sittingAt: sittingAt.toISOString(), sittingLocal: localDateTimeOf(sittingAt, timeZone), timeZone, chairId, memberIds, createdBy, createdAt: createdAt.toISOString() };
  }
}

/** A sitting as the panel calendar lists it: with its chair's name and how many cases are on its agenda. */
export class PanelCalendarEntryView extends PanelView {
  @ApiProperty() chairName!: string;
  @ApiProperty({ type: 'integer' }) cases!: number;

  static entry(panel: PanelRecord & { chairName: string; cases: number }, timeZone: string): PanelCalendarEntryView {
    return { ...PanelView.of(panel, timeZone), chairName: panel.chairName, cases: panel.cases };
  }
}

export class PanelCalendarView {
  @ApiProperty({ type: [PanelCalendarEntryView] }) items!: PanelCalendarEntryView[];
}

/** A case on a panel's agenda: when its papers are due and whether they went, and what the panel recommended. */
export class PanelCaseView {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ example: 'household:7d4c…' }) caseRef!: string;
  @ApiProperty({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The family's name, to those who may see the case (its panel, its team)" }) caseName!: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) papersDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) papersSentAt!: string | null;
  @ApiProperty({ enum: ['sent', 'sent-late', 'late', 'due'], description: 'Sent in time, sent after they were due, not sent and late, or not yet due' }) papers!: PapersStatus;
  @ApiProperty({ nullable: true, type: String, example: 'approve' }) recommendation!: string | null;

  static of(panelCase: AgendaCase): PanelCaseView {
    return {
      householdId: panelCase.householdId,
      caseRef: panelCase.caseRef,
      caseNumber: panelCase.caseNumber,
      caseName: panelCase.caseName,
      addedAt: panelCase.addedAt.toISOString(),
      papersDueAt: iso(panelCase.papersDueAt),
      papersSentAt: iso(panelCase.papersSentAt),
      papers: panelCase.papers,
      recommendation: panelCase.recommendation,
    };
  }
}

type AgendaCase = PanelCaseRecord & { caseRef: string; caseNumber: string | null; caseName: string | null; papers: PapersStatus };

export class PanelStaffView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

/** A panel sitting with its agenda and who sits, by name. */
export class PanelAgendaView extends PanelView {
  @ApiProperty({ nullable: true, type: String }) chairName!: string | null;
  @ApiProperty({ type: [PanelStaffView], description: 'Everyone sitting, the chair included' }) members!: PanelStaffView[];
  @ApiProperty({ type: [PanelCaseView] }) cases!: PanelCaseView[];

  static agenda(panel: PanelRecord & { timeZone: string; staffNames: ReadonlyMap<string, string>; cases: AgendaCase[] }): PanelAgendaView {
    const name = (id: string) => panel.staffNames.get(id) ?? null;
    return {
      ...PanelView.of(panel, panel.timeZone),
      chairName: name(panel.chairId),
      members: panel.memberIds.map((id) => ({ id, name: name(id) })),
      cases: panel.cases.map(PanelCaseView.of),
    };
  }
}
