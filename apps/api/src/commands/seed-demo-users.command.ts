import { createDataSource, StaffUsersRepository, TeamsRepository } from '@hearth/persistence';
import { seedDemoUsers } from './demo-users';

/** Run by `npm start`: makes sure the demo teams and their staff (two of each role per team) exist and prints the result as JSON. */
async function main(): Promise<void> {
  const dataSource = await createDataSource(process.env.DATABASE_URL ?? '', { poolSize: 1, applicationName: 'hearth-seed' }).initialize();
  try {
    console.log(JSON.stringify(await seedDemoUsers(new StaffUsersRepository(dataSource), new TeamsRepository(dataSource), process.env.HEARTH_DEMO_PASSWORD)));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(`seeding demo users failed: ${(error as Error).message}`);
  process.exit(1);
});
