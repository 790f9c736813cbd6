import { int, opt, Schema, strict } from '../../../core/validation';
import type { PlatformKeysProps } from './platform-keys';

export const PlatformKeysPropsSchema = strict({ deletionWindowDays: opt(int()) }) satisfies Schema<PlatformKeysProps>;
