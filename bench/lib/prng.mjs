// Seeded random numbers for benchmark inputs: the generator build/make-samples.mjs uses too.
export { prng } from '../../build/prng.mjs';
