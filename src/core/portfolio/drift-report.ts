// How accounts moved between two portfolios: accounts matched by name (tolerant of the variants ingest already
// knows: case and spaces, then legal forms and punctuation when only one account on each side fits), each account's
// move, the accounts new and lost since, and KAM_DRIFT's 4×4 table over the matched accounts.
import { countMoves } from '../functions/drift';
import { POSITIONS, type Position } from '../functions/position-names';
import { accountKey, nearAccountKey } from '../ingest/account-names';

/** An account's place in one portfolio, as its KAM Portfolio sheet (or a KAM History snapshot) records it. */
export interface Placement {
  account: string;
  position: Position | null;
  attractiveness: number | null;
  strength: number | null;
  /** Whether it was a key account (null when the sheet does not say). */
  key: boolean | null;
}

export interface AccountMove {
  /** The account's name now, and as the previous portfolio wrote it. */
  account: string;
  previousName: string;
  /** How the names were matched: the same name (case and spaces aside), or a near variant ("Acme S.A." / "ACME SA"). */
  matchedBy: 'name' | 'near';
  previous: Placement;
  current: Placement;
  /** Both positions known and different. */
  moved: boolean;
}

export interface DriftReport {
  /** Every account in both portfolios, in the current portfolio's order. */
  matched: AccountMove[];
  /** Accounts only in the current portfolio, and only in the previous one. */
  added: Placement[];
  lost: Placement[];
  /** Moves per previous → current position, counts[4·from + to], positions in the order of POSITIONS (KAM_DRIFT). */
  counts: number[];
}

/**
 * Matches the accounts of two portfolios by name and counts the moves. Names are first compared as the same account
 * (accountKey); the rest are paired by their near key (nearAccountKey) only where exactly one account on each side
 * has it, so "Acme S.A." and "Acme S.L." — two companies the reader keeps apart — are never paired by guess.
 */
export function comparePortfolios(previous: readonly Placement[], current: readonly Placement[]): DriftReport {
  const byKey = new Map<string, number>();
  previous.forEach((p, i) => {
    const k = accountKey(p.account);
    if (!byKey.has(k)) byKey.set(k, i);
  });
  const pairOf = new Array<number>(current.length).fill(-1);
  const how = new Array<AccountMove['matchedBy']>(current.length).fill('name');
  const taken = new Set<number>();
  current.forEach((c, j) => {
    const i = byKey.get(accountKey(c.account));
    if (i !== undefined && !taken.has(i)) {
      pairOf[j] = i;
      taken.add(i);
    }
  });
  // Near variants, only where the pairing is unambiguous on both sides.
  const nearGroups = <T extends Placement>(list: readonly T[], skip: (i: number) => boolean): Map<string, number[]> => {
    const groups = new Map<string, number[]>();
    list.forEach((p, i) => {
      if (skip(i)) return;
      const k = nearAccountKey(p.account);
      if (!k) return;
      groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    return groups;
  };
  const previousNear = nearGroups(previous, (i) => taken.has(i));
  const currentNear = nearGroups(current, (j) => pairOf[j]! >= 0);
  for (const [k, js] of currentNear) {
    const is = previousNear.get(k);
    if (js.length === 1 && is?.length === 1) {
      pairOf[js[0]!] = is[0]!;
      how[js[0]!] = 'near';
      taken.add(is[0]!);
    }
  }

  const matched: AccountMove[] = [];
  const added: Placement[] = [];
  current.forEach((c, j) => {
    const i = pairOf[j]!;
    if (i < 0) {
      added.push(c);
      return;
    }
    const p = previous[i]!;
    matched.push({ account: c.account, previousName: p.account, matchedBy: how[j]!, previous: p, current: c, moved: p.position !== null && c.position !== null && p.position !== c.position });
  });
  const lost = previous.filter((_, i) => !taken.has(i));
  const index = (p: Position | null): number => (p === null ? -1 : POSITIONS.indexOf(p));
  const counts = countMoves(matched.map((m) => index(m.previous.position)), matched.map((m) => index(m.current.position)));
  return { matched, added, lost, counts };
}

/** Whether a move goes up the attractiveness axis (into Strategic or Star) or down it; across only changes strength. */
export function moveDirection(from: Position, to: Position): 'up' | 'down' | 'across' {
  const high = (p: Position): boolean => p === 'Strategic' || p === 'Star';
  if (high(from) === high(to)) return 'across';
  return high(to) ? 'up' : 'down';
}
