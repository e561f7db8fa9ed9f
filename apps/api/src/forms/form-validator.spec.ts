import { BadRequestException } from '@nestjs/common';
import { ApprovalTerms, DomainError, FORM_MESSAGES, formCatalogue, formLanguageOf } from '@hearth/domain';
import { FormsController } from './forms.controller';
import { validateDeparture, validateTaskForm } from './form-validator';

const TERMS: ApprovalTerms = { maxChildren: 2, ageMin: 0, ageMax: 11, sexes: ['female', 'male'], placementTypes: ['short-term', 'emergency'], languages: ['ckb', 'ar'] };
const APPROVAL = { terms: TERMS, reasons: 'the household meets the standards for these children' };

/** The 400 body a call throws, or undefined when it passes. */
function refusal(call: () => void): { statusCode: number; error: string; message: string[]; fields: Record<string, string[]> } | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as never;
  }
}

describe('checking a completion against its form', () => {
  it('compiles every form of the catalogue for every outcome', () => {
    for (const form of formCatalogue) {
      for (const outcome of Object.keys(form.outcomes)) expect(() => refusal(() => validateTaskForm(form.key, form.version, outcome, undefined))).not.toThrow();
    }
  });

  it('refuses an approval without terms or reasons, naming each field', () => {
    const body = refusal(() => validateTaskForm('panel-recommendation', 1, 'approve', undefined));
    expect(body).toMatchObject({ statusCode: 400, error: 'invalid-input' });
    expect(Object.keys(body!.fields).sort()).toEqual(['data.reasons', 'data.terms']);
    expect(body!.message).toContain('data.terms: is required when the outcome is Approve');
    expect(Object.keys(refusal(() => validateTaskForm('agency-decision', 1, 'approve', { reasons: 'agreed' }))!.fields)).toEqual(['data.terms']);
  });

  it('refuses a visit or review dated after today where the case is, and takes today itself', () => {
    const visit = (visitedOn: string) => ({ visitedOn, seenAlone: true, notes: 'seen at home, settled' });
    expect(refusal(() => validateTaskForm('child-visit', 1, 'visited', visit('2026-12-04'), 'ckb', '2026-12-03'))!.fields).toEqual({ 'data.visitedOn': [FORM_MESSAGES.ckb.notFuture] });
    expect(refusal(() => validateTaskForm('child-visit', 1, 'visited', visit('2026-12-03'), 'en', '2026-12-03'))).toBeUndefined();
    expect(refusal(() => validateTaskForm('child-visit', 1, 'visited', visit('2026-02-30'), 'en', '2026-12-03'))!.fields['data.visitedOn']).toHaveLength(1);
  });

  it('words its messages in the language the request asks for', () => {
    const sorani = refusal(() => validateTaskForm('medical-check', 1, 'concerns', { concerns: '   ' }, formLanguageOf('ckb')));
    expect(sorani!.fields['data.concerns']).toEqual([FORM_MESSAGES.ckb.notBlank]);
    const arabic = refusal(() => validateTaskForm('panel-recommendation', 1, 'approve', undefined, formLanguageOf('ar-IQ,ar;q=0.9,en;q=0.5')));
    expect(arabic!.fields['data.terms']).toEqual([FORM_MESSAGES.ar.required('موافقة')]);
    expect(formLanguageOf('fr-FR, de')).toBe('en');
    expect(formLanguageOf(undefined)).toBe('en');
    expect(formLanguageOf('KMR')).toBe('kmr');
  });

  it('refuses an age range upside down and an unknown placement type, together', () => {
    const body = refusal(() => validateTaskForm('panel-recommendation', 1, 'approve', { ...APPROVAL, terms: { ...TERMS, ageMin: 12, ageMax: 3, placementTypes: ['holiday'] } }));
    expect(Object.keys(body!.fields).sort()).toEqual(['data.terms.ageMax', 'data.terms.placementTypes']);
    expect(body!.fields['data.terms.ageMax']).toEqual(['must be at least ageMin']);
    expect(body!.fields['data.terms.placementTypes']).toEqual(['each entry must be one of: emergency, short-term, long-term, respite, kinship']);
    expect(refusal(() => validateTaskForm('agency-decision', 1, 'approve', { ...APPROVAL, terms: { ...TERMS, ageMin: 5, ageMax: 5 } }))).toBeUndefined();
  });

  it('refuses each broken term of an approval', () => {
    const terms = { maxChildren: 0, ageMin: 1.5, ageMax: 18, sexes: [], placementTypes: ['respite', 'respite'], languages: ['Kurdish'], colour: 'red' };
    const body = refusal(() => validateTaskForm('agency-decision', 1, 'approve', { reasons: 'x', terms }));
    expect(body!.fields).toEqual({
      'data.terms.maxChildren': ['must be at least 1'],
      'data.terms.ageMin': ['must be a whole number'],
      'data.terms.ageMax': ['must be at most 17'],
      'data.terms.sexes': ['must list at least one'],
      'data.terms.placementTypes': ['must not list the same value twice'],
      'data.terms.languages': ['each entry must be written like ckb, kmr, ar, en'],
      'data.terms.colour': ['is not a field of this form'],
    });
  });

  it('refuses empty or too long reasons, and reasons that are not text', () => {
    expect(refusal(() => validateTaskForm('panel-recommendation', 1, 'not-approve', { reasons: '' }))!.fields).toEqual({ 'data.reasons': ['must not be blank'] });
    expect(refusal(() => validateTaskForm('panel-recommendation', 1, 'not-approve', { reasons: ' \n ' }))!.fields).toEqual({ 'data.reasons': ['must not be blank'] });
    expect(refusal(() => validateTaskForm('panel-recommendation', 1, 'defer-to-stage-2', { reasons: 'x'.repeat(4001) }))!.fields).toEqual({ 'data.reasons': ['must be at most 4000 characters'] });
    expect(refusal(() => validateTaskForm('agency-decision', 1, 'not-approve', { reasons: 42 }))!.fields).toEqual({ 'data.reasons': ['must be text'] });
  });

  it('refuses a field the form does not have', () => {
    const body = refusal(() => validateTaskForm('panel-recommendation', 1, 'approve', { ...APPROVAL, colour: 'red' }));
    expect(body!.fields).toEqual({ 'data.colour': ['is not a field of this form'] });
    expect(body!.message).toEqual(['data.colour: is not a field of this form']);
    expect(refusal(() => validateTaskForm('medical-check', 1, 'satisfactory', { data: { data: 'deep' } }))!.fields).toEqual({ 'data.data': ['is not a field of this form'] });
    const hostile = refusal(() => validateTaskForm('medical-check', 1, 'satisfactory', JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}')));
    expect(Object.keys(hostile!.fields).sort()).toEqual(['data.__proto__', 'data.constructor']);
  });

  it('accepts a valid approval, a refusal with reasons, and a decision with a departure reason', () => {
    expect(refusal(() => validateTaskForm('panel-recommendation', 1, 'approve', APPROVAL))).toBeUndefined();
    expect(refusal(() => validateTaskForm('panel-recommendation', 1, 'defer-to-stage-1', { reasons: 'the medical is missing' }))).toBeUndefined();
    expect(refusal(() => validateTaskForm('agency-decision', 1, 'approve', { ...APPROVAL, departureReason: 'one child at first' }))).toBeUndefined();
    expect(refusal(() => validateTaskForm('agency-decision', 1, 'not-approve', { reasons: 'agrees with the panel' }))).toBeUndefined();
  });

  it('accepts free notes, or nothing, on a free-note form, and the enquiry fields staff already send', () => {
    expect(refusal(() => validateTaskForm('initial-home-visit', 1, 'invite-application', { notes: 'a warm household' }))).toBeUndefined();
    expect(refusal(() => validateTaskForm('background-check', 1, 'satisfactory', undefined))).toBeUndefined();
    expect(refusal(() => validateTaskForm('decision-letter', 1, 'letter-sent', {}))).toBeUndefined();
    expect(refusal(() => validateTaskForm('enquiry-response', 1, 'visit-arranged', { contact: 'by phone', spokeWith: 'the applicant', notes: 'call back Sunday' }))).toBeUndefined();
    expect(refusal(() => validateTaskForm('assessment-report', 1, 'completed', { notes: 'x'.repeat(4001) }))!.fields).toEqual({ 'data.notes': ['must be at most 4000 characters'] });
  });

  it('fails loudly, not as bad input, for a form or outcome the catalogue lacks', () => {
    expect(() => validateTaskForm('no-such-form', 1, 'done', undefined)).toThrow(/no form no-such-form version 1/);
    expect(() => validateTaskForm('panel-recommendation', 2, 'approve', APPROVAL)).toThrow(/no form/);
    expect(() => validateTaskForm('panel-recommendation', 1, 'maybe', APPROVAL)).toThrow(/for the outcome maybe/);
    expect(() => validateTaskForm('panel-recommendation', 1, 'constructor', APPROVAL)).toThrow(/for the outcome constructor/);
  });
});

describe('a decision departing from the recommendation', () => {
  const recommended = { outcome: 'approve', terms: TERMS };

  it('needs a reason of its own when it decides otherwise or on other terms', () => {
    const body = refusal(() => validateDeparture(recommended, 'approve', { ...APPROVAL, terms: { ...TERMS, maxChildren: 1 } }));
    expect(body).toMatchObject({ statusCode: 400, error: 'invalid-input', fields: { 'data.departureReason': [expect.stringMatching(/needs its own reason/)] } });
    expect(Object.keys(body!.fields)).toEqual(['data.departureReason']);
    expect(Object.keys(refusal(() => validateDeparture(recommended, 'not-approve', { reasons: 'no' }))!.fields)).toEqual(['data.departureReason']);
    expect(refusal(() => validateDeparture(recommended, 'not-approve', { reasons: 'no', departureReason: '' }))).toBeDefined();
    expect(refusal(() => validateDeparture(recommended, 'not-approve', { reasons: 'no', departureReason: 'new facts' }))).toBeUndefined();
  });

  it('needs nothing more when it follows the recommendation, whatever the order of lists', () => {
    expect(refusal(() => validateDeparture(recommended, 'approve', { ...APPROVAL, terms: { ...TERMS, languages: ['ar', 'ckb'] } }))).toBeUndefined();
    expect(refusal(() => validateDeparture({ outcome: 'not-approve' }, 'not-approve', { reasons: 'agrees' }))).toBeUndefined();
  });
});

describe('the forms endpoints', () => {
  const controller = new FormsController();

  it('lists every form with its key, version and title', () => {
    const { items } = controller.list();
    expect(items).toHaveLength(formCatalogue.length);
    expect(items).toContainEqual({ key: 'panel-recommendation', version: 1, title: expect.objectContaining({ en: 'Panel recommendation' }) });
  });

  it('returns one version of a form, and not-found for an unknown key or version', () => {
    expect(controller.get('agency-decision', '1')).toMatchObject({ key: 'agency-decision', version: 1, outcomes: { approve: expect.any(Object) } });
    for (const [key, version] of [['agency-decision', '2'], ['nothing', '1'], ['agency-decision', '1e0'], ['agency-decision', '']]) {
      expect(() => controller.get(key, version)).toThrow(DomainError);
      try {
        controller.get(key, version);
      } catch (error) {
        expect((error as DomainError).code).toBe('not-found');
      }
    }
  });
});
