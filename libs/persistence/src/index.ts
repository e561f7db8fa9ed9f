export * from './data-source';
export * from './repositories/alerts.repository';
export * from './repositories/calendar-holidays.repository';
export * from './repositories/households.repository';
export * from './repositories/staff-users.repository';
export * from './repositories/tasks.repository';
