/// <reference lib="dom" />
import { Browser, Page } from 'playwright-core';
import { addDaysToDate, ApprovalTerms, caseRef, localDateOf } from '@hearth/domain';
import { CarerRegisterRepository } from '@hearth/persistence';
import { en } from '../../apps/web/src/i18n/messages/en';
import { ckb } from '../../apps/web/src/i18n/messages/ckb';
import { formatDate } from '../../apps/web/src/i18n/dates';
import { eventually, Harness, startHearth, TEST_PASSWORD } from '../support/hearth-harness';
import { ChildJourney } from '../support/child-journey';
import { launchChromium, Language, newContext, screenshot, seriousViolations, signIn } from '../support/browser';

const TERMS: ApprovalTerms = { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term'], languages: ['ckb'] };
const today = () => localDateOf(new Date(), 'Asia/Baghdad');
const inEnglish = (date: string, weekday = false) => formatDate(date, { language: 'en', digits: 'latn', hijri: false }, { weekday });

/**
 * A child's journey in the browser (issue 10): a caseworker refers Hana and writes her care plan,
 * proposes a carer household from the shortlist, the team manager approves it beside the
 * proposal's reasons, the caseworker records two visits and the reviewing officer two reviews; each
 * next due date follows from the actual dates, and the register's free places follow the placement.
 */
describe("a child's journey in the web app", () => {
  let hearth: Harness;
  let browser: Browser;
  let journey: ChildJourney;
  let householdId: string;
  let householdNumber: string;

  const as = async (who: { username: string }, language: Language, path = '/app/') => {
    const page = await (await newContext(browser, { language })).newPage();
    await signIn(page, hearth.baseUrl, who.username, TEST_PASSWORD, path);
    return page;
  };
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label).first().click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const freePlaces = async () => {
    const register = await hearth.http.get('/carers/register').query({ limit: 200 }).set(await journey.auth('caseworker')).expect(200);
    return register.body.items.find((entry: { householdId: string }) => entry.householdId === householdId).freePlaces;
  };
  /** Completes the open task of a type through its page and generated form. */
  const completeTask = async (page: Page, type: string, fill: (page: Page) => Promise<void>) => {
    const [task] = await journey.openTasks(type);
    await page.goto(`${hearth.baseUrl}/app/tasks/${task.id}`);
    await page.getByRole('button', { name: en.task.complete }).waitFor();
    await fill(page);
    await page.getByRole('button', { name: en.task.complete }).click();
    await page.getByText(en.task.done).waitFor();
    return task;
  };

  beforeAll(async () => {
    [hearth, browser] = await Promise.all([startHearth({ rulePackId: 'krg' }), launchChromium()]);
    journey = new ChildJourney(hearth);
    const carers = await hearth.http.post('/households').set(await journey.auth('caseworker')).send({ primaryContactName: 'Kamaran and Nasreen Aziz', preferredLanguage: 'ckb', area: 'Erbil' }).expect(201);
    householdId = carers.body.id;
    householdNumber = carers.body.caseNumber;
    await new CarerRegisterRepository(hearth.dataSource).enter(householdId, TERMS, new Date(), null);
  });

  afterAll(async () => {
    await browser?.close();
    await hearth?.close();
  });

  it('refers a child, plans, matches, approves, places, records two visits and two reviews, each next due date following from the actual dates', async () => {
    // The caseworker refers Hana from the children's page.
    const caseworker = await as(hearth.users.caseworker, 'en', '/app/children');
    await caseworker.getByRole('button', { name: en.children.refer }).click();
    await caseworker.getByLabel(en.children.fullName).fill('Hana Kamal');
    await caseworker.getByLabel(en.children.dateOfBirth).fill('2018-04-09');
    const lookedAfterOn = addDaysToDate(today(), -2);
    await caseworker.getByLabel(en.children.referredOn).fill(lookedAfterOn);
    await caseworker.getByLabel(en.children.lookedAfterOn).fill(lookedAfterOn);
    await caseworker.getByLabel(en.children.consentOn).fill(lookedAfterOn);
    await caseworker.getByLabel(en.children.schoolArea).fill('Erbil');
    await caseworker.getByRole('combobox', { name: en.children.languages }).fill('ckb');
    await caseworker.keyboard.press('Enter');
    await caseworker.getByRole('button', { name: en.children.referSubmit }).click();
    await caseworker.getByRole('heading', { name: 'Hana Kamal' }).waitFor();
    journey.childId = caseworker.url().split('/').pop()!;
    await caseworker.getByText(/^C-\d{4}-\d{4,}$/).waitFor();

    // The care plan, through its generated form.
    await completeTask(caseworker, 'write-care-plan', async (page) => {
      await choose(page, 'Placement the child needs', en.placementType['short-term']);
      await page.getByRole('radiogroup', { name: 'The placement is meant to last until 18' }).getByRole('radio', { name: en.common.no }).check();
      await page.getByLabel("The child's needs and how they will be met").fill('A calm home near her school; weekly contact with her mother.');
    });

    // The shortlist, with the reasons for the rank; the caseworker proposes the household.
    await caseworker.goto(`${hearth.baseUrl}/app/children/${journey.childId}`);
    const entry = caseworker.getByTestId('shortlist-entry').filter({ hasText: householdNumber });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(en.matchReason['shares-language'].replace('{value}', 'ckb'));
    expect(await entry.innerText()).toContain(en.matchReason['school-near']);
    await screenshot(caseworker, 'child-shortlist-en');
    await entry.getByRole('button', { name: en.children.propose }).click();
    await entry.getByLabel(en.children.proposeReasons).fill('Near her school; the carers speak Sorani.');
    await entry.getByRole('button', { name: en.children.proposeConfirm }).click();
    await caseworker.getByText(en.proposalStatus.proposed).waitFor();
    expect(await freePlaces()).toBe(2);

    // The team manager decides beside the proposal and its reasons.
    const manager = await as(hearth.users['team-manager'], 'en');
    await completeTask(manager, 'approve-match', async (page) => {
      const proposal = page.getByTestId('proposal-under-decision');
      await proposal.waitFor();
      expect(await proposal.innerText()).toContain(householdNumber);
      await page.getByRole('radio', { name: 'Approve the match' }).check();
      await page.getByLabel('Reasons').fill('A good match: school, language and family nearby.');
    });
    await journey.waitForStage('placed');
    expect(await freePlaces()).toBe(1);
    await manager.context().close();

    // Two visits, the next due from the actual date of each.
    const visit = async (visitedOn: string) =>
      completeTask(caseworker, 'record-visit', async (page) => {
        await page.getByLabel('Date of the visit').fill(visitedOn);
        await page.getByRole('radiogroup', { name: 'The child was seen alone' }).getByRole('radio', { name: en.common.yes }).check();
        await page.getByLabel('What was seen and said').fill('Settled, eating well, likes her room.');
      });
    const first = await visit(today());
    const second = await eventually(async () => (await journey.openTasks('record-visit')).find((task) => task.id !== first.id));
    expect(second.dueDate).toBe(addDaysToDate(today(), 42));
    await visit(today());
    await caseworker.goto(`${hearth.baseUrl}/app/children/${journey.childId}`);
    const placement = caseworker.getByTestId('placement');
    await placement.getByText(`${inEnglish(today())}, ${en.children.seenAlone}`).first().waitFor();
    expect(await placement.getByText(en.children.seenAlone).count()).toBe(2);

    // Two reviews by the reviewing officer: the second 3 months after the first as held, then 6 months.
    const officer = await as(hearth.users['reviewing-officer'], 'en');
    const review = async (heldOn: string) =>
      completeTask(officer, 'hold-child-review', async (page) => {
        await page.getByLabel('Date of the review').fill(heldOn);
        await page.getByLabel('Decisions of the review and changes to the care plan').fill('The plan stands; contact stays weekly.');
      });
    const heldFirst = addDaysToDate(today(), -1);
    const firstReview = await review(heldFirst);
    const secondReview = await eventually(async () => (await journey.openTasks('hold-child-review')).find((task) => task.id !== firstReview.id));
    expect(secondReview.ruleId).toBe('review.second');
    await review(today());
    const third = await eventually(async () => (await journey.openTasks('hold-child-review')).find((task) => ![firstReview.id, secondReview.id].includes(task.id)));
    expect(third.ruleId).toBe('review.subsequent');

    // The child's page says when the next review is due, as a local date.
    await officer.goto(`${hearth.baseUrl}/app/children/${journey.childId}`);
    await officer.getByText(en.children.held.replace('{date}', inEnglish(heldFirst)).replace('{name}', ''), { exact: false }).waitFor();
    await officer.getByText(inEnglish(third.dueDate, true), { exact: false }).waitFor();
    await screenshot(officer, 'child-en');
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.context().close();
    await caseworker.context().close();
  });

  it("shows the child's page right to left in Sorani, with the household it is placed with", async () => {
    const page = await as(hearth.users.caseworker, 'ckb', `/app/children/${journey.childId}`);
    await page.getByRole('heading', { name: 'Hana Kamal' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { name: ckb.children.placements }).waitFor();
    await page.getByTestId('placement').getByText(householdNumber).waitFor();
    await screenshot(page, 'child-ckb');
    expect(await seriousViolations(page)).toEqual([]);
    // Every read of the child's record is in the access log.
    const reads = await hearth.dataSource.query(`SELECT count(*)::int AS n FROM personal_data_read WHERE case_ref = $1 AND reader_id = $2`, [caseRef('child', journey.childId), hearth.users.caseworker.id]);
    expect(reads[0].n).toBeGreaterThan(0);
    await page.context().close();
  });
});
