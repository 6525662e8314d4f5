// Test support: a realistic order export nobody on the team typed by hand — about 10,000 order lines
// for 800 customers (people's names), each customer in one Segment (Consumer, Corporate, Home Office),
// lines in several product categories — from the project's seeded generator, so it is the same on
// every run. Rows come as a sheet's values: a header row, then one row per order line.
import { prng } from '../../build/prng.mjs';

const FIRST = ['Claire', 'Darrin', 'Sean', 'Brosina', 'Andrew', 'Irene', 'Harold', 'Pete', 'Alejandro', 'Zuschuss', 'Ken', 'Sandra', 'Emily', 'Eric', 'Tracy', 'Matt',
  'Gene', 'Steve', 'Linda', 'Ruben', 'Erin', 'Odella', 'Patrick', 'Lena', 'Darren', 'Janet', 'Ted', 'Kunst', 'Paul', 'Brendan', 'Karen', 'Nora', 'Maria', 'Jonathan'];
const LAST = ['Gute', 'Van Huff', "O'Donnell", 'Hoffman', 'Allen', 'Maddox', 'Pawlan', 'Kriz', 'Grove', 'Carroll', 'Lonsdale', 'Flathmann', 'Burns', 'Hoffmann', 'Blumstein',
  'Abelman', 'Hale', 'Nguyen', 'Cazamias', 'Ausman', 'Smith', 'Nelson', "O'Brill", 'Jordan', 'Budd', 'Molinari', 'Butterfield', 'Miller', 'Preis', 'Sweet', 'García', 'Núñez'];
const SEGMENTS = ['Consumer', 'Corporate', 'Home Office'];
const CATEGORIES: [string, string[]][] = [
  ['Furniture', ['Bookcases', 'Chairs', 'Tables', 'Furnishings']],
  ['Office Supplies', ['Binders', 'Paper', 'Storage', 'Art', 'Labels']],
  ['Technology', ['Phones', 'Machines', 'Accessories', 'Copiers']],
];

export type OrderCell = string | number | null;

/** The export's rows: header first. `customers` (default 800) people buy `lines` (default 10,000) order lines over four years. */
export function orderExport(customers = 800, lines = 10_000): OrderCell[][] {
  const random = prng(2024);
  const names = new Set<string>();
  while (names.size < customers) names.add(`${random.pick(FIRST)} ${random.pick(LAST)}`);
  const people = [...names].map((name) => ({
    name,
    segment: random.pick(SEGMENTS),
    weight: Math.exp(random.normal(0, 0.9)),
    margin: random.normal(0.12, 0.12),
  }));
  const total = people.reduce((s, p) => s + p.weight, 0);
  const rows: OrderCell[][] = [['Row ID', 'Order ID', 'Order Date', 'Customer Name', 'Segment', 'Category', 'Sub-Category', 'Sales', 'Profit']];
  const first = Date.UTC(2021, 0, 1);
  // Every customer orders at least once, the rest go to customers in proportion to their weight.
  for (let i = 0; i < lines; i++) {
    let person = people[i % customers];
    if (i >= customers) {
      let pick = random.next() * total;
      for (const p of people) {
        pick -= p.weight;
        if (pick < 0) {
          person = p;
          break;
        }
      }
    }
    const [category, subs] = random.pick(CATEGORIES);
    const sales = Math.round(Math.exp(random.normal(4.6, 1.2)) * 100) / 100;
    const profit = Math.round(sales * (person.margin + random.normal(0, 0.15)) * 100) / 100;
    const day = new Date(first + random.int(0, 1460) * 86_400_000).toISOString().slice(0, 10);
    rows.push([i + 1, `CA-${2021 + Math.floor(i / 2500)}-${100000 + i}`, day, person.name, person.segment, category, random.pick(subs), sales, profit]);
  }
  return rows;
}
