import { CarerRegisterRepository, createDataSource, HouseholdsRepository, StaffUsersRepository, TeamsRepository } from '@hearth/persistence';
import { seedDemoCarers } from './demo-carers';
import { DEMO_TEAMS, seedDemoUsers } from './demo-users';

/**
 * Run by `npm start`: makes sure the demo teams and their staff (two of each role per team) exist,
 * and a few approved carer households for trying a child's matching; prints the result as JSON.
 */
async function main(): Promise<void> {
  const dataSource = await createDataSource(process.env.DATABASE_URL ?? '', { poolSize: 1, applicationName: 'hearth-seed' }).initialize();
  try {
    const users = new StaffUsersRepository(dataSource);
    const teams = new TeamsRepository(dataSource);
    const seeded = await seedDemoUsers(users, teams, process.env.HEARTH_DEMO_PASSWORD);
    const erbil = (await teams.ensure(DEMO_TEAMS[0].name, null)).team.id;
    const manager = (await users.findByUsername('team-manager'))!;
    const carers = await seedDemoCarers(new HouseholdsRepository(dataSource), new CarerRegisterRepository(dataSource), process.env.HEARTH_RULE_PACK ?? 'krg', erbil, manager.id);
    console.log(JSON.stringify({ ...seeded, carers }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`seeding demo data failed: ${(error as Error).message}`);
  process.exit(1);
});
