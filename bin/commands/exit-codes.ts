/** The CLI's exit codes (ARCHITECTURE.md, "CLI contract"). */
export const EXIT_OK = 0;
/** Something unsuppressed fails the gate. */
export const EXIT_FINDINGS = 1;
/** Usage error or unreadable input. */
export const EXIT_USAGE = 2;
