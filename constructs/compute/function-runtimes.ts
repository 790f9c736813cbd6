/** The Lambda runtimes the kit accepts for zip packages: the supported Python and Node.js versions. */
export const ZIP_RUNTIMES = ['python3.12', 'python3.13', 'nodejs20.x', 'nodejs22.x'] as const;
