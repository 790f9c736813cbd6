/**
 * The gate never passes an insecure resource, whatever syntactic form
 * Terraform accepts it in (support/forms.ts), and passes the same forms with
 * the secure value, so the generator is not merely breaking the module.
 */
import fc from 'fast-check';
import { formChoice, formSignature, moduleOf, rulesOf } from './support/forms';
import { gateVerdict, missedExpectation, moduleWorkspace, writeModule } from './support/red-team-case';

/** 200 by default; FORMS_PROPERTY_RUNS raises it for a longer hunt. */
const RUNS = Number(process.env.FORMS_PROPERTY_RUNS ?? 200);
const workspace = moduleWorkspace('forms');
afterAll(() => workspace.cleanup());

/** Distinct forms each property generated, reported once both have run. */
const seen = { insecure: new Set<string>(), secure: new Set<string>() };
let n = 0;

afterAll(() => {
  const all = new Set([...seen.insecure, ...seen.secure]);
  // The lead reports this figure; it is printed so a plain `npm test` log shows it.
  console.log(`forms.property: ${seen.insecure.size} distinct insecure forms and ${seen.secure.size} secure forms in ${RUNS} runs each (${all.size} distinct in all)`);
});

describe(`syntactic forms (fast-check, ${RUNS} runs per property)`, () => {
  it('never passes the insecure resource in any generated form', () => {
    fc.assert(
      fc.property(formChoice, (choice) => {
        seen.insecure.add(formSignature(choice));
        const dir = workspace.dirFor(`insecure-${n++}`);
        writeModule(dir, moduleOf(choice, false));
        const miss = missedExpectation({ id: 'generated', why: formSignature(choice), files: {}, expect: { rules: rulesOf(choice.kind) } }, gateVerdict(dir));
        if (miss !== undefined) throw new Error(`${formSignature(choice)}: ${miss}`);
      }),
      { numRuns: RUNS },
    );
    expect(seen.insecure.size).toBeGreaterThan(RUNS / 2);
  });

  it('passes the secure variant of every generated form', () => {
    fc.assert(
      fc.property(formChoice, (choice) => {
        seen.secure.add(formSignature(choice));
        const dir = workspace.dirFor(`secure-${n++}`);
        writeModule(dir, moduleOf(choice, true));
        const verdict = gateVerdict(dir);
        const problems = verdict.kind === 'refused' ? [`refused: ${verdict.message}`] : verdict.failures.map((f) => `${f.ruleId} ${f.status} ${f.address}: ${f.message}`);
        if (problems.length > 0) throw new Error(`${formSignature(choice)}: ${problems.join('; ')}`);
      }),
      { numRuns: RUNS },
    );
    expect(seen.secure.size).toBeGreaterThan(RUNS / 2);
  });
});
