import { nestedBlock, nestedBlocks } from '../../../compliance/rule-helpers/blocks';
import { unknownValue } from '../../../compliance/values';

describe('nestedBlocks', () => {
  it('reads the object and the array form the same way, and absence as no blocks', () => {
    expect(nestedBlocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(nestedBlocks([{ a: 1 }, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(nestedBlocks(undefined)).toEqual([]);
    expect(nestedBlock(undefined)).toEqual({});
    expect(nestedBlock([{ a: 1 }])).toEqual({ a: 1 });
  });

  it('is unknown for a computed block, a list holding a computed element, or a non-block value', () => {
    expect(nestedBlocks(unknownValue('${var.blocks}', ['var.blocks']))).toBe('unknown');
    expect(nestedBlocks('${var.blocks}')).toBe('unknown');
    expect(nestedBlocks([{ a: 1 }, unknownValue('${var.b}', ['var.b'])])).toBe('unknown');
    expect(nestedBlocks(true)).toBe('unknown');
    expect(nestedBlock(unknownValue('${var.block}', ['var.block']))).toBe('unknown');
  });
});
