/// <reference lib="dom" />
import { Browser, Locator, Page } from 'playwright-core';
import { ar } from '../../apps/web/src/i18n/messages/ar';
import { ckb } from '../../apps/web/src/i18n/messages/ckb';
import { caseRef, FORM_MESSAGES } from '@hearth/domain';
import { eventually, Harness, startHearth, TEST_PASSWORD } from '../support/hearth-harness';
import { HouseholdJourney } from '../support/household-journey';
import { launchChromium, Language, newContext, screenshot, seriousViolations, signIn } from '../support/browser';

/**
 * The staff web app in Debian's chromium against the real stack (API serving the built app,
 * worker, Temporal, PostgreSQL): what the people it is for do with it, in Sorani and English.
 */
describe('the staff web app', () => {
  let hearth: Harness;
  let browser: Browser;
  let journey: HouseholdJourney;
  let householdId: string;
  let caseNumber: string;
  const familyName = 'شیلان ئەحمەد';

  const as = async (who: { username: string }, language: Language, options: { width?: number; path?: string } = {}) => {
    const context = await newContext(browser, { language, width: options.width });
    const page = await context.newPage();
    await signIn(page, hearth.baseUrl, who.username, TEST_PASSWORD, options.path);
    return page;
  };
  const openTask = async (type: string) => (await journey.openTasks(type))[0];

  beforeAll(async () => {
    [hearth, browser] = await Promise.all([startHearth(), launchChromium()]);
    journey = new HouseholdJourney(hearth);
    const created = await hearth.http
      .post('/households')
      .set(await journey.auth('caseworker'))
      .send({ primaryContactName: familyName, preferredLanguage: 'ckb', area: 'هەولێر' })
      .expect(201);
    householdId = journey.householdId = created.body.id;
    caseNumber = created.body.caseNumber;
  });

  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('a caseworker signs in, finds the family on their work list in Sorani, right to left, and completes the enquiry through its generated form', async () => {
    const task = await openTask('respond-to-enquiry');
    const page = await as(hearth.users.caseworker, 'ckb');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ckb']);
    const row = page.locator(`[data-task-id="${task.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(caseNumber);
    expect(await row.innerText()).toContain(familyName);
    expect(await row.innerText()).toContain('وەڵامدانەوەی پرسیار');

    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'وەڵامدانەوەی پرسیار' }).first().waitFor();
    // Why it is due: the rule and the pack version that set the date.
    await page.getByText('enquiry.respond').waitFor();
    await page.getByRole('radio', { name: 'سەردان ڕێکخرا' }).check();
    await page.getByLabel('ڕێگای پەیوەندی').fill('تەلەفۆن');
    await screenshot(page, 'task-ckb');
    await page.getByRole('button', { name: ckb.task.complete }).click();
    await page.getByText(ckb.task.done).waitFor();

    const done = await hearth.http.get(`/tasks/${task.id}`).set(await journey.auth('caseworker')).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'visit-arranged' });
    await page.context().close();
  });

  it('a caseworker completes the next task in English, left to right', async () => {
    const task = await openTask('initial-home-visit');
    const page = await as(hearth.users.caseworker, 'en', { path: `/app/tasks/${task.id}` });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('heading', { name: 'Initial home visit' }).first().waitFor();
    await page.getByRole('radio', { name: 'Invite an application' }).check();
    await page.getByLabel('Notes').fill('Met both adults at home.');
    await screenshot(page, 'task-en');
    await page.getByRole('button', { name: 'Complete the task' }).click();
    await page.getByText('Done. The case moves on.').waitFor();
    const done = await hearth.http.get(`/tasks/${task.id}`).set(await journey.auth('caseworker')).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'invite-application' });
    await page.context().close();
  });

  it("shows the API's error beside its field, right to left", async () => {
    await journey.do('receive-application', 'caseworker', 'application-received');
    await journey.waitForStage('stage-1');
    const check = await openTask('medical-check');
    const page = await as(hearth.users.caseworker, 'ckb', { path: `/app/tasks/${check.id}` });
    await page.getByRole('radio', { name: 'نیگەرانی هەیە' }).check();
    // Only spaces: the browser sends it, the API's form validator refuses it (not blank).
    const concerns = page.locator('textarea[name="data.concerns"]');
    await concerns.fill('   ');
    await page.locator('button[type="submit"]').click();
    const error = await errorBeside(concerns);
    // The API's own message, in Sorani.
    expect(error).toMatchObject({ invalid: 'true', inWrapper: true, text: FORM_MESSAGES.ckb.notBlank });
    expect(await concerns.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    await screenshot(page, 'form-error-ckb');
    const still = await hearth.http.get(`/tasks/${check.id}`).set(await journey.auth('caseworker')).expect(200);
    expect(still.body.status).toBe('open');
    await page.context().close();
  });

  it('works from the keyboard alone: sign in, open a task from the work list, choose an outcome, complete it', async () => {
    const check = await openTask('local-authority-check');
    const context = await newContext(browser, { language: 'en' });
    const page = await context.newPage();
    await page.goto(`${hearth.baseUrl}/app/`);
    await tabTo(page, 'input[name="username"]');
    await page.keyboard.type(hearth.users.caseworker.username);
    await tabTo(page, 'input[name="password"]');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('work-list').waitFor();
    await tabTo(page, `[data-task-id="${check.id}"] a`, 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Local authority check' }).first().waitFor();
    await tabTo(page, 'input[type="radio"]');
    // Arrow keys move through a radio group: Satisfactory is the first outcome.
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByText('Done. The case moves on.').waitFor();
    const done = await hearth.http.get(`/tasks/${check.id}`).set(await journey.auth('caseworker')).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'satisfactory' });
    await context.close();
  });

  it("keeps a user's language, digits and Hijri choice with their account, whichever browser they sign in on", async () => {
    const reader = await hearth.addStaff('caseworker');
    await hearth.http.put('/me/preferences').set({ authorization: `Bearer ${await hearth.login(reader)}` }).send({ language: 'ar', digits: 'arab', hijri: true }).expect(200);
    // A browser that has only ever shown English.
    const page = await as(reader, 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: ar.work.title }).waitFor();
    // Changing it in the menu is kept with the account.
    await page.getByRole('button', { name: new RegExp(ar.settings.title) }).click();
    await page.getByLabel(ar.settings.language).first().click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await eventually(async () => {
      const me = await hearth.http.get('/me').set({ authorization: `Bearer ${await hearth.login(reader)}` }).expect(200);
      return me.body.preferences?.language === 'en' ? me.body.preferences : undefined;
    }, 10_000, 'the choice saved with the account');
    await page.context().close();
  });

  it('finds a household by its name in another spelling and opens it', async () => {
    const page = await as(hearth.users.caseworker, 'en');
    await page.getByRole('link', { name: 'Households' }).click();
    // Arabic yeh and no hamza seat: the same name as typed on an Arabic keyboard.
    await page.getByLabel('Name or case number').fill('شيلان احمد');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: familyName }).click();
    await page.getByRole('heading', { name: familyName }).waitFor();
    expect(await page.locator('#main').innerText()).toContain(caseNumber);
    expect(page.url()).toContain(`/app/households/${householdId}`);
    await page.context().close();
  });

  it('a caseworker records an enquiry in Sorani, lands on the new case, and adds a member of the household', async () => {
    const page = await as(hearth.users.caseworker, 'ckb', { path: '/app/households' });
    await page.getByRole('button', { name: ckb.enquiry.title }).click();
    await page.getByLabel(ckb.enquiry.name).fill('هێمن عەزیز');
    await page.getByLabel(ckb.enquiry.phone).fill('+964 750 000 1111');
    await page.getByRole('button', { name: ckb.enquiry.submit }).click();
    await page.getByRole('heading', { name: 'هێمن عەزیز' }).waitFor();
    const id = page.url().split('/').pop()!;
    const recorded = await hearth.http.get(`/households/${id}`).set(await journey.auth('caseworker')).expect(200);
    expect(recorded.body).toMatchObject({ displayName: 'هێمن عەزیز', phone: '+964 750 000 1111', stage: 'enquiry' });
    expect(await page.locator('#main').innerText()).toContain(recorded.body.caseNumber);

    const addMember = page.getByRole('region', { name: ckb.actions.addMember });
    await addMember.getByLabel(ckb.common.name).fill('ئاسۆ عەزیز');
    await addMember.getByLabel(ckb.actions.relationship).fill('هاوسەر');
    await addMember.getByRole('button', { name: ckb.actions.addMember }).click();
    await eventually(async () => ((await hearth.http.get(`/households/${id}/members`).set(await journey.auth('caseworker')).expect(200)).body.items.some((member: { fullName: string }) => member.fullName === 'ئاسۆ عەزیز') ? true : undefined), 10_000, 'the member added');
    await page.getByText('ئاسۆ عەزیز').first().waitFor();
    await page.context().close();
  });

  it("previews the deadlines a closure would move before it is declared", async () => {
    const [task] = await journey.openTasks('medical-check');
    const page = await as(hearth.users.admin, 'en', { path: '/app/calendar' });
    const declare = page.getByRole('region', { name: 'Declare a day off' });
    await declare.getByLabel('Date').fill(task.dueDate);
    await declare.getByLabel('Name').fill('Heat closure');
    await declare.getByRole('button', { name: 'Show what it would move' }).click();
    const preview = page.getByTestId('calendar-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(caseNumber);
    expect(await preview.innerText()).toMatch(/\d+ deadlines would move/);
    await screenshot(page, 'calendar-preview-en');
    await page.context().close();
  });

  it('works on a 360-pixel-wide phone: no sideways scrolling, the menu opens from its button', async () => {
    const page = await as(hearth.users.caseworker, 'ckb', { width: 360 });
    await page.getByTestId('work-list').waitFor();
    await waitForNoLoader(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: ckb.app.menu }).click();
    await page.getByRole('link', { name: ckb.nav.households }).click();
    await page.getByRole('heading', { name: ckb.households.title }).waitFor();
    await screenshot(page, 'households-360-ckb');
    await page.context().close();
  });

  describe.each<Language>(['ckb', 'en'])('every main page in %s', (language) => {
    const pages: [string, keyof Harness['users'], () => string][] = [
      ['my-work', 'caseworker', () => '/app/'],
      ['households', 'caseworker', () => '/app/households'],
      ['household', 'caseworker', () => `/app/households/${householdId}`],
      ['alerts', 'team-manager', () => '/app/alerts'],
      ['panels', 'panel-chair', () => '/app/panels'],
      ['register', 'caseworker', () => '/app/register'],
      ['team', 'team-manager', () => '/app/team'],
      ['calendar', 'admin', () => '/app/calendar'],
      ['staff', 'admin', () => '/app/staff'],
      ['access-log', 'admin', () => '/app/access-log'],
      ['account', 'caseworker', () => '/app/account'],
    ];

    it.each(pages)('%s: no serious accessibility violations, and a screenshot', async (name, role, path) => {
      const page = await as(hearth.users[role], language, { path: path() });
      await page.locator('#main h2').first().waitFor();
      await waitForNoLoader(page);
      await screenshot(page, `${name}-${language}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  });

  it('the task page, in Sorani, has no serious accessibility violations', async () => {
    const [task] = await journey.openTasks('medical-check');
    const page = await as(hearth.users.caseworker, 'ckb', { path: `/app/tasks/${task.id}` });
    await page.locator('form').waitFor();
    await waitForNoLoader(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  // Last: it moves the caseworker's tasks away.
  it("a team manager moves every task of a worker to a colleague", async () => {
    const colleague = await hearth.addStaff('caseworker');
    const own = new HouseholdJourney(hearth);
    await own.recordEnquiry();
    // The enquiry is offered to caseworkers; whoever responds holds the home visit that follows.
    await own.do('respond-to-enquiry', 'caseworker', 'visit-arranged');
    await own.openTasks('initial-home-visit');
    const openHeld = (tasks: Awaited<ReturnType<HouseholdJourney['tasks']>>) => tasks.filter((task) => task.status === 'open' && task.assigneeId === hearth.users.caseworker.id);
    const held = [...openHeld(await journey.tasks()), ...openHeld(await own.tasks())];
    expect(held.length).toBeGreaterThan(0);
    const page = await as(hearth.users['team-manager'], 'en');
    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: new RegExp(hearth.users.caseworker.username.slice(-8)) }).click();
    await page.getByLabel('Move to').first().click();
    await page.getByRole('option', { name: new RegExp(colleague.username.slice(-8)) }).click();
    await page.getByRole('button', { name: 'Move all their tasks' }).click();
    await page.getByText(`${held.length} tasks moved.`).waitFor();
    const after = [...(await journey.tasks()), ...(await own.tasks())];
    for (const task of held) expect(after.find((each) => each.id === task.id)?.assigneeId).toBe(colleague.id);
    await page.context().close();
  });
});

/** Live alerts need a deadline that passes during the test: clocks in seconds. */
describe('alerts in the web app', () => {
  let hearth: Harness;
  let browser: Browser;

  beforeAll(async () => {
    [hearth, browser] = await Promise.all([startHearth({ rulePackId: 'test-seconds' }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('an alert appears without reloading when a deadline passes', async () => {
    const context = await newContext(browser, { language: 'en' });
    const page = await context.newPage();
    await signIn(page, hearth.baseUrl, hearth.users['team-manager'].username, TEST_PASSWORD, '/app/alerts');
    await page.locator('[data-stream="live"]').waitFor();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    const journey = new HouseholdJourney(hearth);
    await journey.recordEnquiry();
    const ref = caseRef('household', journey.householdId);
    const alert = await eventually(async () => {
      const response = await hearth.http.get('/alerts').query({ caseRef: ref }).set(await journey.auth('team-manager')).expect(200);
      return response.body.items.find((each: { kind: string }) => each.kind === 'task-overdue' || each.kind === 'task-escalated');
    }, 30_000, 'an overdue alert');
    const row = page.locator(`[data-alert-id="${alert.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('Journey Family');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await context.close();
  });
});

/** Presses Tab until the focused element matches `selector` (as a keyboard user would), or fails. */
async function tabTo(page: Page, selector: string, most = 40): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function waitForNoLoader(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'), undefined, { timeout: 10_000 });
}

/** The field's own error text, inside its input wrapper and named by its aria-describedby, once shown. */
async function errorBeside(field: Locator): Promise<{ invalid: string | null; text: string; inWrapper: boolean }> {
  await field.and(field.page().locator('[aria-invalid="true"]')).waitFor();
  return field.evaluate((element) => {
    const described = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const errors = described.map((id) => document.getElementById(id)).filter((node): node is HTMLElement => Boolean(node?.className.includes('error')));
    const wrapper = element.closest('.mantine-InputWrapper-root');
    return { invalid: element.getAttribute('aria-invalid'), text: errors.map((node) => node.textContent ?? '').join(' '), inWrapper: errors.length > 0 && errors.every((node) => wrapper?.contains(node)) };
  });
}
