import { ApiProperty } from '@nestjs/swagger';
import { PanelCaseRecord, PanelRecord } from '@hearth/persistence';
import type { PapersStatus } from './panels.service';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A panel sitting: when, its chair and its members. */
export class PanelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) sittingAt!: string;
  @ApiProperty({ format: 'uuid' }) chairId!: string;
  @ApiProperty({ type: [String], description: 'Staff ids of everyone sitting, the chair included' }) memberIds!: string[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of({ id, sittingAt, chairId, memberIds, createdBy, createdAt }: PanelRecord): PanelView {
    return { id, sittingAt: sittingAt.toISOString(), chairId, memberIds, createdBy, createdAt: createdAt.toISOString() };
  }
}

/** A sitting as the panel calendar lists it: with its chair's name and how many cases are on its agenda. */
export class PanelCalendarEntryView extends PanelView {
  @ApiProperty() chairName!: string;
  @ApiProperty({ type: 'integer' }) cases!: number;

  static entry(panel: PanelRecord & { chairName: string; cases: number }): PanelCalendarEntryView {
    return { ...PanelView.of(panel), chairName: panel.chairName, cases: panel.cases };
  }
}

export class PanelCalendarView {
  @ApiProperty({ type: [PanelCalendarEntryView] }) items!: PanelCalendarEntryView[];
}

/** A case on a panel's agenda: when its papers are due and whether they went, and what the panel recommended. */
export class PanelCaseView {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ example: 'household:7d4c…' }) caseRef!: string;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) papersDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) papersSentAt!: string | null;
  @ApiProperty({ enum: ['sent', 'sent-late', 'late', 'due'], description: 'Sent in time, sent after they were due, not sent and late, or not yet due' }) papers!: PapersStatus;
  @ApiProperty({ nullable: true, type: String, example: 'approve' }) recommendation!: string | null;

  static of(panelCase: PanelCaseRecord & { caseRef: string; papers: PapersStatus }): PanelCaseView {
    return {
      householdId: panelCase.householdId,
      caseRef: panelCase.caseRef,
      addedAt: panelCase.addedAt.toISOString(),
      papersDueAt: iso(panelCase.papersDueAt),
      papersSentAt: iso(panelCase.papersSentAt),
      papers: panelCase.papers,
      recommendation: panelCase.recommendation,
    };
  }
}

/** A panel sitting with its agenda. */
export class PanelAgendaView extends PanelView {
  @ApiProperty({ type: [PanelCaseView] }) cases!: PanelCaseView[];

  static agenda(panel: PanelRecord & { cases: (PanelCaseRecord & { caseRef: string; papers: PapersStatus })[] }): PanelAgendaView {
    return { ...PanelView.of(panel), cases: panel.cases.map(PanelCaseView.of) };
  }
}
