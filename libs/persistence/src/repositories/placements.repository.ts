import { caseRef, DomainError, LocalDate, MatchingCandidate, MatchingChild, MatchReason, PlacementType } from '@hearth/domain';
import { DataSource } from 'typeorm';
import { writeAudit } from './audit';

const UNIQUE_VIOLATION = '23505';

/** What matching knows of the child: their needs and background, and where their brothers and sisters are. */
export interface MatchingProfile {
  child: Omit<MatchingChild, 'ageYears' | 'placementType'>;
  dateOfBirth: LocalDate;
  placementType: PlacementType | null;
  untilEighteen: boolean;
}

/** A household on a child's shortlist, as staff read it. */
export interface CandidateRow extends MatchingCandidate {
  caseNumber: string | null;
  displayName: string | null;
}

export interface ProposalRow {
  id: string;
  householdId: string;
  caseNumber: string | null;
  displayName: string | null;
  status: 'proposed' | 'approved' | 'rejected' | 'withdrawn';
  score: number;
  reasons: MatchReason[];
  /** Why the caseworker proposed the household, in their words. */
  proposalReasons: string | null;
  proposedBy: string;
  proposedByName: string | null;
  proposedAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionReasons: string | null;
}

export interface PlacementRow {
  id: string;
  childId: string;
  householdId: string;
  caseNumber: string | null;
  displayName: string | null;
  placementType: PlacementType;
  untilEighteen: boolean;
  startedOn: LocalDate;
  endedOn: LocalDate | null;
  endReason: string | null;
  visits: { visitedOn: LocalDate; seenAlone: boolean; recordedByName: string | null }[];
}

const date = (column: string, alias: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${alias}"`;

/** Matching, proposals, placements and what happens in them: visits and the child's reviews. */
export class PlacementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The child as matching sees them; null when there is no such child. */
  async matchingProfile(childId: string): Promise<MatchingProfile | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${date('c.date_of_birth', 'dateOfBirth')}, c.sex, c.languages, c.ethnicity, c.religion, c.culture,
              c.school_area, c.school_latitude, c.school_longitude, c.family_area, c.family_latitude, c.family_longitude,
              c.placement_type_needed AS "placementType", c.until_eighteen AS "untilEighteen",
              1 + (SELECT count(*) FROM child s WHERE s.sibling_group_id = c.sibling_group_id AND s.id <> c.id AND s.stage IN ('care-plan', 'matching'))::int AS "siblingsToPlace",
              coalesce((SELECT array_agg(DISTINCT p.household_id) FROM child s JOIN placement p ON p.child_id = s.id AND p.ended_on IS NULL
                         WHERE s.sibling_group_id = c.sibling_group_id AND s.id <> c.id), '{}') AS "siblingHouseholdIds"
         FROM child c WHERE c.id = $1`,
      [childId],
    );
    if (!row) return null;
    const place = (area: string | null, latitude: number | null, longitude: number | null) => ({ area, coordinates: latitude === null || longitude === null ? null : { latitude, longitude } });
    return {
      dateOfBirth: row.dateOfBirth,
      placementType: row.placementType,
      untilEighteen: row.untilEighteen,
      child: {
        sex: row.sex,
        languages: row.languages,
        ethnicity: row.ethnicity,
        religion: row.religion,
        culture: row.culture,
        school: place(row.school_area, row.school_latitude, row.school_longitude),
        family: place(row.family_area, row.family_latitude, row.family_longitude),
        siblingsToPlace: row.siblingsToPlace,
        siblingHouseholdIds: row.siblingHouseholdIds,
      },
    };
  }

  /**
   * Approved households that may take a child of this age, sex and placement type and have a free
   * place, with what scoring needs; plus the households where the child's siblings live, whatever
   * their free places (joining them is the first consideration).
   */
  async candidates(filter: { ageYears: number; sex: string; placementType: string; householdId?: string }): Promise<CandidateRow[]> {
    const rows = await this.dataSource.query(
      `SELECT r.household_id AS "householdId", r.max_children AS "maxChildren", r.age_min AS "ageMin", r.age_max AS "ageMax", r.sexes,
              r.placement_types AS "placementTypes", r.languages, r.max_children - r.places_taken AS "freePlaces",
              h.area, h.latitude, h.longitude, h.ethnicities, h.religions, h.cultures, cf.case_number AS "caseNumber", cf.display_name AS "displayName"
         FROM carer_register r JOIN household h ON h.id = r.household_id
         LEFT JOIN case_file cf ON cf.case_ref = 'household:' || r.household_id
        WHERE r.places_taken < r.max_children AND $1 BETWEEN r.age_min AND r.age_max AND $2 = ANY(r.sexes) AND $3 = ANY(r.placement_types)
          AND ($4::uuid IS NULL OR r.household_id = $4)`,
      [filter.ageYears, filter.sex, filter.placementType, filter.householdId ?? null],
    );
    return rows.map((row: Record<string, never>) => ({
      householdId: row.householdId,
      caseNumber: row.caseNumber,
      displayName: row.displayName,
      terms: { maxChildren: row.maxChildren, ageMin: row.ageMin, ageMax: row.ageMax, sexes: row.sexes, placementTypes: row.placementTypes, languages: row.languages },
      freePlaces: row.freePlaces,
      home: { area: row.area, coordinates: row.latitude === null ? null : { latitude: row.latitude, longitude: row.longitude } },
      ethnicities: row.ethnicities,
      religions: row.religions,
      cultures: row.cultures,
    }));
  }

  /** Records a proposal with its score and reasons (idempotent: one per propose-match task). */
  async recordProposal(proposal: { id: string; childId: string; householdId: string; score: number; reasons: MatchReason[]; proposalReasons: string | null; proposedBy: string; proposedAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO match_proposal (id, child_id, household_id, status, score, reasons, proposal_reasons, proposed_by, proposed_at)
         VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [proposal.id, proposal.childId, proposal.householdId, proposal.score, JSON.stringify(proposal.reasons), proposal.proposalReasons, proposal.proposedBy, proposal.proposedAt],
      );
      if (inserted.length === 0) return;
      await writeAudit(manager, {
        actorId: proposal.proposedBy,
        action: 'match.proposed',
        entityType: 'child',
        entityId: proposal.childId,
        caseRef: caseRef('child', proposal.childId),
        before: null,
        after: { proposalId: proposal.id, householdId: proposal.householdId, score: proposal.score },
      });
    });
  }

  async find(id: string): Promise<{ childId: string; householdId: string; startedOn: LocalDate; endedOn: LocalDate | null; visitDates: LocalDate[] } | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id AS "childId", household_id AS "householdId", ${date('started_on', 'startedOn')}, ${date('ended_on', 'endedOn')},
              coalesce((SELECT array_agg(to_char(v.visited_on, 'YYYY-MM-DD')) FROM child_visit v WHERE v.placement_id = p.id), '{}') AS "visitDates"
         FROM placement p WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The earliest date the child's next review can have been held: the last review's, or when the child became looked after. */
  async earliestNextReview(childId: string): Promise<LocalDate | null> {
    const [row] = await this.dataSource.query(
      `SELECT to_char(greatest(c.looked_after_on, (SELECT max(r.held_on) FROM child_review r WHERE r.child_id = c.id)), 'YYYY-MM-DD') AS "earliest" FROM child c WHERE c.id = $1`,
      [childId],
    );
    return row?.earliest ?? null;
  }

  async proposal(id: string): Promise<{ childId: string; householdId: string; status: string } | null> {
    const [row] = await this.dataSource.query(`SELECT child_id AS "childId", household_id AS "householdId", status FROM match_proposal WHERE id = $1`, [id]);
    return row ?? null;
  }

  /**
   * The team manager's decision on a proposal. An approval takes one of the household's places and
   * starts the placement in one transaction: with no free place, or the child placed already (two
   * approvals racing), nothing changes and the refusal says why. Idempotent: a decision recorded
   * before is answered again.
   */
  async decide(decision: {
    proposalId: string;
    approve: boolean;
    reasons: string | null;
    actorId: string;
    startedOn: LocalDate;
  }): Promise<{ placementId: string; householdId: string; childId: string } | null> {
    return this.dataSource.transaction(async (manager) => {
      const [proposal] = await manager.query(`SELECT child_id AS "childId", household_id AS "householdId", status FROM match_proposal WHERE id = $1 FOR UPDATE`, [decision.proposalId]);
      if (!proposal) throw new DomainError('not-found', `no proposal ${decision.proposalId}`);
      const placed = { placementId: decision.proposalId, householdId: proposal.householdId, childId: proposal.childId };
      if (proposal.status === 'approved') return placed;
      if (proposal.status === 'rejected') return null;
      const ref = caseRef('child', proposal.childId);
      if (!decision.approve) {
        await manager.query(`UPDATE match_proposal SET status = 'rejected', decided_by = $2, decided_at = now(), decision_reasons = $3 WHERE id = $1`, [decision.proposalId, decision.actorId, decision.reasons]);
        await writeAudit(manager, { actorId: decision.actorId, action: 'match.rejected', entityType: 'child', entityId: proposal.childId, caseRef: ref, before: null, after: { proposalId: decision.proposalId, householdId: proposal.householdId } });
        return null;
      }
      // The row lock on the register serializes approvals for one household: the last place goes once.
      const [taken] = await manager.query(
        `UPDATE carer_register SET places_taken = places_taken + 1 WHERE household_id = $1 AND places_taken < max_children RETURNING household_id`,
        [proposal.householdId],
      );
      if ((taken as unknown[]).length === 0) throw new DomainError('conflict', 'the household has no free place now: choose another household');
      const [child] = await manager.query(`SELECT placement_type_needed AS "placementType", until_eighteen AS "untilEighteen" FROM child WHERE id = $1`, [proposal.childId]);
      try {
        // The whole transaction rolls back on a refusal: the place taken above is given back.
        await manager.query(
          `INSERT INTO placement (id, child_id, household_id, match_id, placement_type, until_eighteen, started_on) VALUES ($1, $2, $3, $1, $4, $5, $6)`,
          [decision.proposalId, proposal.childId, proposal.householdId, child.placementType, child.untilEighteen, decision.startedOn],
        );
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('conflict', 'the child is placed already');
        throw error;
      }
      await manager.query(`UPDATE match_proposal SET status = 'approved', decided_by = $2, decided_at = now(), decision_reasons = $3 WHERE id = $1`, [decision.proposalId, decision.actorId, decision.reasons]);
      await writeAudit(manager, {
        actorId: decision.actorId,
        action: 'placement.started',
        entityType: 'child',
        entityId: proposal.childId,
        caseRef: ref,
        before: null,
        after: { placementId: decision.proposalId, householdId: proposal.householdId, startedOn: decision.startedOn },
      });
      return placed;
    });
  }

  /** Ends a placement and frees the household's place; a retried end changes nothing. */
  async end(placementId: string, reason: string, endedOn: LocalDate, actorId: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE placement SET ended_on = $2, end_reason = $3 WHERE id = $1 AND ended_on IS NULL RETURNING household_id AS "householdId", child_id AS "childId"`,
        [placementId, endedOn, reason],
      );
      const ended = (rows as { householdId: string; childId: string }[])[0];
      if (!ended) return;
      await manager.query(`UPDATE carer_register SET places_taken = places_taken - 1 WHERE household_id = $1`, [ended.householdId]);
      await writeAudit(manager, { actorId, action: 'placement.ended', entityType: 'child', entityId: ended.childId, caseRef: caseRef('child', ended.childId), before: null, after: { placementId, reason, endedOn } });
    });
  }

  /** A visit on its actual date (one per visit task). */
  async recordVisit(visit: { placementId: string; taskId: string; visitedOn: LocalDate; seenAlone: boolean; notes: string; recordedBy: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO child_visit (placement_id, task_id, visited_on, seen_alone, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (task_id) DO NOTHING`,
      [visit.placementId, visit.taskId, visit.visitedOn, visit.seenAlone, visit.notes, visit.recordedBy],
    );
  }

  /** A child's case review on its actual date (one per review task). */
  async recordReview(review: { childId: string; taskId: string; heldOn: LocalDate; chairedBy: string }): Promise<void> {
    await this.dataSource.query(`INSERT INTO child_review (child_id, task_id, held_on, chaired_by) VALUES ($1, $2, $3, $4) ON CONFLICT (task_id) DO NOTHING`, [
      review.childId,
      review.taskId,
      review.heldOn,
      review.chairedBy,
    ]);
  }

  async proposals(childId: string): Promise<ProposalRow[]> {
    return this.dataSource.query(
      `SELECT mp.id, mp.household_id AS "householdId", cf.case_number AS "caseNumber", cf.display_name AS "displayName", mp.status, mp.score, mp.reasons, mp.proposal_reasons AS "proposalReasons",
              mp.proposed_by AS "proposedBy", pb.display_name AS "proposedByName", mp.proposed_at AS "proposedAt",
              db.display_name AS "decidedByName", mp.decided_at AS "decidedAt", mp.decision_reasons AS "decisionReasons"
         FROM match_proposal mp
         LEFT JOIN case_file cf ON cf.case_ref = 'household:' || mp.household_id
         LEFT JOIN staff_user pb ON pb.id = mp.proposed_by
         LEFT JOIN staff_user db ON db.id = mp.decided_by
        WHERE mp.child_id = $1 ORDER BY mp.proposed_at, mp.id`,
      [childId],
    );
  }

  async placements(childId: string): Promise<PlacementRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.child_id AS "childId", p.household_id AS "householdId", cf.case_number AS "caseNumber", cf.display_name AS "displayName",
              p.placement_type AS "placementType", p.until_eighteen AS "untilEighteen", ${date('p.started_on', 'startedOn')}, ${date('p.ended_on', 'endedOn')}, p.end_reason AS "endReason",
              coalesce((SELECT json_agg(json_build_object('visitedOn', to_char(v.visited_on, 'YYYY-MM-DD'), 'seenAlone', v.seen_alone, 'recordedByName', s.display_name) ORDER BY v.visited_on)
                          FROM child_visit v LEFT JOIN staff_user s ON s.id = v.recorded_by WHERE v.placement_id = p.id), '[]') AS visits
         FROM placement p LEFT JOIN case_file cf ON cf.case_ref = 'household:' || p.household_id
        WHERE p.child_id = $1 ORDER BY p.started_on, p.id`,
      [childId],
    );
  }

  /** The children placed in a household now: what its supervising worker needs for the placement. */
  async currentInHousehold(householdId: string): Promise<{ placementId: string; childId: string; caseNumber: string | null; childName: string; dateOfBirth: LocalDate; placementType: PlacementType; startedOn: LocalDate }[]> {
    return this.dataSource.query(
      `SELECT p.id AS "placementId", p.child_id AS "childId", cf.case_number AS "caseNumber", c.full_name AS "childName", ${date('c.date_of_birth', 'dateOfBirth')},
              p.placement_type AS "placementType", ${date('p.started_on', 'startedOn')}
         FROM placement p JOIN child c ON c.id = p.child_id LEFT JOIN case_file cf ON cf.case_ref = 'child:' || p.child_id
        WHERE p.household_id = $1 AND p.ended_on IS NULL ORDER BY p.started_on, p.id`,
      [householdId],
    );
  }

  async reviews(childId: string): Promise<{ heldOn: LocalDate; chairedByName: string | null }[]> {
    return this.dataSource.query(
      `SELECT ${date('r.held_on', 'heldOn')}, s.display_name AS "chairedByName" FROM child_review r LEFT JOIN staff_user s ON s.id = r.chaired_by WHERE r.child_id = $1 ORDER BY r.held_on`,
      [childId],
    );
  }
}
