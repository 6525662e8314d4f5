// The function catalogue's messages said in English, as tests compare them: each message of
// src/core/functions/messages.ts rendered with the English catalog (a detail may be given as plain text).
import { messages as phrases } from '../../src/core/functions/messages';
import { english, render, type Phrase } from '../../src/core/i18n';

type Loose<T> = { [I in keyof T]: T[I] extends Phrase ? Phrase | string : T[I] };
type English<M> = { [K in keyof M]: M[K] extends (...args: infer A) => Phrase ? (...args: Loose<A>) => string : never };

export const messages = Object.fromEntries(
  Object.entries(phrases).map(([name, make]) => [name, (...args: unknown[]) => render((make as (...a: unknown[]) => Phrase)(...args), english)]),
) as English<typeof phrases>;
