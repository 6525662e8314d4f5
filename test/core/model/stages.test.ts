// The relationship stage as real workbooks write it, read as the method's stage; and how a value resolves.
import { describe, expect, it } from 'vitest';
import { recogniseStage, stageResolver, stageValues } from '../../../src/core/model/stages';
import { STAGES } from '../../../src/core/model/model';

describe('recogniseStage', () => {
  it.each([
    // The method's words, any case, with decorations.
    ['Exploratory', 'Exploratory'], ['BASIC', 'Basic'], ['basic KAM', 'Basic'], ['3 - Cooperative', 'Cooperative'],
    ['Stage 3 – cooperative', 'Cooperative'], ['Stage: integrated', 'Integrated'], ['integrated KAM', 'Integrated'],
    ['Interdependent', 'Interdependent'], ['Disintegrating', 'Disintegrating'], ['transactional', 'Basic'],
    // Spanish, with and without accents.
    ['Exploratoria', 'Exploratory'], ['Básica', 'Basic'], ['BASICA', 'Basic'], ['Cooperativa', 'Cooperative'],
    ['Interdependiente', 'Interdependent'], ['Integrada', 'Integrated'], ['En desintegración', 'Disintegrating'],
    ['Etapa 2 – básica', 'Basic'], ['fase: integrada', 'Integrated'],
    // Millman & Wilson's development stages.
    ['Pre-KAM', 'Exploratory'], ['Early-KAM', 'Basic'], ['early kam', 'Basic'], ['Mid-KAM', 'Cooperative'], ['PreKAM', 'Exploratory'],
    ['Partnership-KAM', 'Interdependent'], ['Synergistic-KAM', 'Integrated'], ['Uncoupling KAM', 'Disintegrating'],
  ])('reads %j as %s', (text, stage) => {
    expect(recogniseStage(text)).toBe(stage);
  });

  it.each(['Oro', 'Gold', 'Pendiente', '3', 'KAM', 'Early', 'Mid', 'Basic to cooperative', ''])('reads %j as no stage', (text) => {
    expect(recogniseStage(text)).toBeNull();
  });
});

describe('stageResolver', () => {
  const resolve = stageResolver({ Oro: 'Integrated', Bronce: '', 'Nivel A': 'Custom' }, [...STAGES, 'Custom']);

  it('takes the mapping first, then a stage of the tables written as such, then the vocabulary', () => {
    expect(resolve('oro ')).toEqual({ stage: 'Integrated', how: 'mapped' });
    expect(resolve('Bronce')).toEqual({ stage: null, how: 'unknown' }); // mapped to "" on purpose: no stage
    expect(resolve('nivel a')).toEqual({ stage: 'Custom', how: 'mapped' });
    expect(resolve('custom')).toEqual({ stage: 'Custom', how: 'table' });
    expect(resolve('Cooperativa')).toEqual({ stage: 'Cooperative', how: 'recognised' });
    expect(resolve('Plata')).toEqual({ stage: null, how: 'unknown' });
    expect(resolve('  ')).toEqual({ stage: null, how: 'blank' });
    expect(resolve(undefined)).toEqual({ stage: null, how: 'blank' });
  });
});

describe('stageValues', () => {
  it('lists every distinct value once (first spelling), with its accounts, most first', () => {
    expect(stageValues(['Básica', 'básica ', 'Oro', undefined, '', 'Integrada', 'Oro', 'Oro'])).toEqual([
      { value: 'Oro', accounts: 3 }, { value: 'Básica', accounts: 2 }, { value: 'Integrada', accounts: 1 },
    ]);
  });
});
