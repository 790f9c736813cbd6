import { opt, Schema, str, strict } from '../core/validation';
import type { EmulatorOptions } from './emulator';

/** Shape only; pointAtEmulator checks the endpoint's meaning (TF-EMU-001, TF-EMU-002) itself. */
export const EmulatorOptionsSchema = strict({
  endpoint: str(),
  stateDirectory: opt(str()),
}) satisfies Schema<EmulatorOptions>;
