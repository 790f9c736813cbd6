import { byKey, literal, oneOf, strict, v } from '../../../core/validation';
import type { FargateSize } from '../../compute/fargate-workload';

/** The Fargate sizes Kong may run at (cpu units, MiB): any other pair fails at apply. */
export const FargateSizeSchema = byKey('cpu', [
  strict({ cpu: literal(256), memoryMiB: oneOf([512, 1024, 2048] as const) }),
  strict({ cpu: literal(512), memoryMiB: oneOf([1024, 2048, 4096] as const) }),
  strict({ cpu: literal(1024), memoryMiB: oneOf([2048, 4096, 8192] as const) }),
]) satisfies v.GenericSchema<unknown, FargateSize>;
