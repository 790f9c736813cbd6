import { int, opt, Schema, strict } from '../../core/validation';
import type { SessionManagerProps } from './session-manager';

export const SessionManagerPropsSchema = strict({ logRetentionDays: opt(int()), idleTimeoutMinutes: opt(int()) }) satisfies Schema<SessionManagerProps>;
