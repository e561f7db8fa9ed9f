import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A carer household. Personal details live here and nowhere in Temporal. */
@Entity({ name: 'household' })
export class HouseholdEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'rule_pack_id', type: 'text' }) rulePackId!: string;
  @Column({ name: 'rule_pack_version', type: 'int', nullable: true }) rulePackVersion!: number | null;
  @Column({ name: 'primary_contact_name', type: 'text' }) primaryContactName!: string;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) area!: string | null;
  /** Where the household lives and who the carers are, for matching (issue 10). */
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'text', array: true, default: '{}' }) ethnicities!: string[];
  @Column({ type: 'text', array: true, default: '{}' }) religions!: string[];
  @Column({ type: 'text', array: true, default: '{}' }) cultures!: string[];
  @Column({ name: 'preferred_language', type: 'text' }) preferredLanguage!: string;
  @Column({ name: 'enquiry_source', type: 'text', nullable: true }) enquirySource!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true }) idempotencyKey!: string | null;
  @Column({ name: 'decision_departs_from_recommendation', type: 'boolean', default: false }) decisionDepartsFromRecommendation!: boolean;
  @Column({ name: 'workflow_started_at', type: 'timestamptz', nullable: true }) workflowStartedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
