// Test-wide setup: error values compare by what they say, not by how the message was built (a phrase said in
// English, or the same words as plain text), so expected errors can be written either way.
import { expect } from 'vitest';
import { CellError } from '../../src/core/functions/cells';

expect.addEqualityTesters([
  (a: unknown, b: unknown) => (a instanceof CellError && b instanceof CellError ? a.kind === b.kind && a.message === b.message : undefined),
]);
