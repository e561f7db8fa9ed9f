import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError } from '@hearth/domain';
import { HouseholdsRepository, PanelRecord, PanelsRepository, StaffUsersRepository } from '@hearth/persistence';
import { Client } from '@temporalio/client';
import { bookPanelUpdate, householdUpdateId, householdWorkflowId } from '@hearth/workflows/contracts/household.contract';
import { sendToWorkflow } from '../common/send-to-workflow';
import { API_CONFIG, ApiConfig } from '../config/api-config';

export type PapersStatus = 'sent' | 'late' | 'due';

@Injectable()
export class PanelsService {
  constructor(
    private readonly panels: PanelsRepository,
    private readonly staff: StaffUsersRepository,
    private readonly households: HouseholdsRepository,
    private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async create(actor: Actor, body: { sittingAt: string; chairId: string; memberIds: string[] }): Promise<PanelRecord> {
    const chair = await this.staff.findById(body.chairId);
    if (!chair?.active || !chair.roles.includes('panel-chair')) throw new DomainError('invalid-input', 'chairId must be an active member of staff holding the panel-chair role');
    for (const id of body.memberIds) {
      const member = await this.staff.findById(id);
      if (!member?.active) throw new DomainError('invalid-input', `memberIds: ${id} is not an active member of staff`);
    }
    return this.panels.create({ sittingAt: new Date(body.sittingAt), chairId: body.chairId, memberIds: body.memberIds, createdBy: actor.userId });
  }

  async view(id: string) {
    const panel = await this.found(id);
    const now = Date.now();
    const cases = await this.panels.cases(id);
    return {
      ...panel,
      cases: cases.map((c) => ({
        ...c,
        caseRef: `household:${c.householdId}`,
        papers: (c.papersSentAt ? 'sent' : c.papersDueAt && c.papersDueAt.getTime() < now ? 'late' : 'due') as PapersStatus,
      })),
    };
  }

  /** A team manager puts a household on the agenda; the household's workflow books it (its validator decides). */
  async addCase(actor: Actor, panelId: string, householdId: string, idempotencyKey: string) {
    const panel = await this.found(panelId);
    if (!(await this.households.findById(householdId))) throw new DomainError('not-found', `no household ${householdId}`);
    try {
      await sendToWorkflow(this.temporal, this.config.updateTimeoutMs, () =>
        this.temporal.workflow.getHandle(householdWorkflowId(householdId)).executeUpdate(bookPanelUpdate, {
          args: [
            {
              panelId,
              sittingAt: panel.sittingAt.toISOString(),
              chairId: panel.chairId,
              memberIds: panel.memberIds.filter((id) => id !== panel.chairId),
              actor: { userId: actor.userId, roles: actor.roles },
              idempotencyKey,
            },
          ],
          updateId: householdUpdateId('book-panel', householdId, idempotencyKey),
        }),
      );
    } catch (failure) {
      if (failure instanceof DomainError && failure.code === 'task-closed') throw new DomainError('conflict', 'the case is not waiting for a panel');
      throw failure;
    }
    return this.view(panelId);
  }

  private async found(id: string): Promise<PanelRecord> {
    const panel = await this.panels.findById(id);
    if (!panel) throw new DomainError('not-found', `no panel ${id}`);
    return panel;
  }
}
