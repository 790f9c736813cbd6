/**
 * The compliance suite: rules over synthesized Terraform JSON.
 *
 * ## How to add a rule
 * 1. Create `compliance/rules/<category>/<rule-name>.ts` (kebab-case, one rule
 *    per file) exporting one `Rule` built with `defineRule` from `../../rule-kit`:
 *    metadata (id from the catalogue `TF-<CAT>-<n>`, title "Ensure ...",
 *    category, level, resourceTypes, remediation, references to CIS AWS Foundations Benchmark v5.0.0,
 *    checkov and cdk-nag IDs where they exist) and a pure `check(stack, context)`.
 * 2. In `check`, walk resources with `checkEach(stack, types, r => ...)`: it
 *    turns a throw into a `fail` for that resource. Return `pass`, `fail` or
 *    `unknown` (from rule-kit) per resource address; use `'stack'` as the
 *    address for stack-level outcomes. Give a granular `finding` key
 *    (`Action::iam:PassRole`, `Port::22`) when one resource can fail several
 *    ways, so a suppression can target one of them.
 * 3. Values in `resource.values` are resolved JSON; anything unresolved is an
 *    `UnknownValue` (`isUnknown`, from `values.ts`). Never let an unknown
 *    pass: return `unknown(...)` unless the decision does not depend on it.
 *    Read policies with `normalizePolicy` from `policy.ts` (all three forms).
 * 4. Add the rule to the category's `index.ts` barrel (`export const rules`).
 * 5. Test it under `test/compliance/rules/<category>/<rule-name>.test.ts` with
 *    fixtures of named compliant and non-compliant resources, asserting the
 *    exact sets of failing and passing addresses (see test/compliance/support).
 * 6. Run `npm run rules:doc` to regenerate RULES.md.
 */
export * from './types';
export { isUnknown, isSpecificUnknown, unknownValue } from './values';
export type { UnknownValue } from './values';
export { normalizePolicy } from './policy';
export type { PolicyDocument, PolicyStatement, PolicyValue, PolicyPrincipal, PolicyCondition } from './policy';
export { discoverStacks, loadStack, loadStacks, stackFromJson } from './model';
export type { StackSource } from './model';
export { checkStacks, gateFailures, summarize } from './engine';
export type { CheckOptions, FailOn, Summary } from './engine';
export { allRules, ruleById } from './rules';
export { defineRule, checkEach, pass, fail, unknown, resourcesOf, tagsOf, decide, isKitRule } from './rule-kit';
export { suppress } from '../core/suppressions';
export type { Suppression } from '../core/suppressions';
export { applyComplianceChecks, ComplianceChecks } from './aspect';
export type { ComplianceChecksProps } from './aspect';
export { formatReport, formatJson, formatSarif, formatJunit, formatText, FORMATS } from './report';
export type { Format, ReportInput, TextOptions } from './report';
