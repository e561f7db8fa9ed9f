import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffMember } from '@hearth/domain';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyKey, OptionalIdempotencyKey } from '../common/idempotency-key.decorator';
import { ChildView, ShortlistView } from './child.view';
import { ChildrenService } from './children.service';
import { ChildListQuery, ChildPage } from './dto/child-list.query';
import { BringReviewForwardDto, EndPlacementDto, LinkSiblingDto, ReferChildDto } from './dto/refer-child.dto';

@ApiTags('children')
@ApiBearerAuth()
@Controller()
export class ChildrenController {
  constructor(private readonly children: ChildrenService) {}

  /** A caseworker or team manager records a child's referral; the child's case workflow starts (care plan first). */
  @Post('children')
  @Roles('caseworker', 'team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key to retry safely' })
  @ApiCreatedResponse({ type: ChildView })
  @ApiOkResponse({ type: ChildView, description: 'A repeat with the same Idempotency-Key: the child referred the first time' })
  async refer(@CurrentActor() actor: StaffMember, @Body() body: ReferChildDto, @OptionalIdempotencyKey() key: string | null, @Res({ passthrough: true }) response: Response): Promise<ChildView> {
    const { view, created } = await this.children.refer(actor, body, key);
    response.status(created ? 201 : 200).setHeader('Location', `/children/${view.id}`);
    return view;
  }

  /** Children the person may see (need to know), by name in any spelling, case number or stage. */
  @Get('children')
  @ApiOkResponse({ type: ChildPage })
  search(@CurrentActor() actor: StaffMember, @Query() query: ChildListQuery): Promise<ChildPage> {
    return this.children.search(actor, query);
  }

  /** The child's case: referral, care plan, proposals and their reasons, placements with visits, reviews, tasks, timeline. Every read is logged. */
  @Get('children/:id')
  @ApiOkResponse({ type: ChildView })
  get(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<ChildView> {
    return this.children.view(actor, id);
  }

  /** The ranked shortlist of approved households with a free place, each with the reasons for its rank. */
  @Get('children/:id/shortlist')
  @ApiOkResponse({ type: ShortlistView })
  shortlist(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<ShortlistView> {
    return this.children.shortlist(actor, id);
  }

  /** Links a brother or sister: the two (and their groups) become one sibling group, kept together in matching. */
  @Post('children/:id/siblings')
  @HttpCode(200)
  @Roles('caseworker', 'team-manager')
  @ApiOkResponse({ type: ChildView })
  linkSibling(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: LinkSiblingDto): Promise<ChildView> {
    return this.children.linkSibling(actor, id, body.siblingId);
  }

  /** The reviewing officer brings the child's next review forward to a date; the chain continues from the date it is held. */
  @Post('children/:id/reviews/bring-forward')
  @HttpCode(200)
  @Roles('reviewing-officer')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: ChildView })
  bringReviewForward(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: BringReviewForwardDto, @IdempotencyKey() key: string): Promise<ChildView> {
    return this.children.bringReviewForward(actor, id, body.on, key);
  }

  /** The child's social worker or a team manager ends a placement: the place is freed; the child's case matches again or closes. */
  @Post('placements/:id/end')
  @HttpCode(200)
  @Roles('caseworker', 'team-manager')
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOkResponse({ type: ChildView })
  endPlacement(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: EndPlacementDto, @IdempotencyKey() key: string): Promise<ChildView> {
    return this.children.endPlacement(actor, id, body, key);
  }
}
