import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'staff_user' })
export class StaffUserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ type: 'text', array: true }) roles!: string[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId!: string | null;
  /** Tokens issued before this are refused: a password change or reset ends every session. */
  @Column({ name: 'sessions_valid_from', type: 'timestamptz' }) sessionsValidFrom!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
