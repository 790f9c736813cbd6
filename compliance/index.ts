/**
 * The compliance suite: rules over synthesized Terraform JSON. Its engine
 * lands with the compliance issue; until then this entry point exports nothing
 * that could be mistaken for a check.
 */
export {};
