/**
 * Pictures of gates as data: the plane sampled on a grid, with the side of each decision line where
 * a unit fires, and the four inputs labelled with an output. Renderers only map these to characters.
 */
import { fire, INPUT_PAIRS, type Bit, type GateTable, type Perceptron, type XorNetwork } from "../../engine/gates.js";

/** Sample points per axis: x1 from −0.5 to 1.5 in steps of 1/8 (columns), x2 in steps of 1/4 (rows). */
export const PLANE = { from: -0.5, to: 1.5, columnStep: 0.125, rowStep: 0.25 } as const;

export interface PlanePoint {
  row: number;
  col: number;
  /** The input pair (or hidden pair) at this point, e.g. [0, 1]. */
  at: readonly [number, number];
  label: Bit;
}

export interface PlanePicture {
  /** x1 (or h1) of each column, left to right. */
  columns: number[];
  /** x2 (or h2) of each row, top to bottom. */
  rows: number[];
  /** True where every unit of the picture fires (the + side of its line, or the band between two). */
  region: boolean[][];
  points: PlanePoint[];
}

export interface GateExplanation {
  table: GateTable;
  /** One picture for a perceptron; for XOR: NAND, OR, their AND in the input plane, and the hidden plane. */
  pictures: PlanePicture[];
}

function axis(step: number): number[] {
  const values: number[] = [];
  for (let i = 0; PLANE.from + i * step <= PLANE.to; i++) values.push(PLANE.from + i * step);
  return values;
}

/** The plane where all `units` fire, with points labelled. */
export function planePicture(units: readonly Perceptron[], points: { at: readonly [number, number]; label: Bit }[]): PlanePicture {
  const columns = axis(PLANE.columnStep);
  const rows = axis(PLANE.rowStep).reverse();
  const region = rows.map((x2) => columns.map((x1) => units.every((unit) => fire(unit, [x1, x2]).output === 1)));
  return {
    columns,
    rows,
    region,
    points: points.map(({ at, label }) => ({ at, label, row: rows.indexOf(at[1]), col: columns.indexOf(at[0]) })),
  };
}

function xorPictures(network: XorNetwork): PlanePicture[] {
  const labelled = (pick: (row: XorNetwork["rows"][number]) => Bit) => network.rows.map((row) => ({ at: row.inputs, label: pick(row) }));
  return [
    planePicture([network.units.nand], labelled((row) => row.nand.output)),
    planePicture([network.units.or], labelled((row) => row.or.output)),
    planePicture([network.units.nand, network.units.or], labelled((row) => row.output)),
    // The hidden layer moves the four inputs to (h1, h2); there one line (AND) separates them.
    planePicture([network.units.and], network.rows.map((row) => ({ at: [row.nand.output, row.or.output] as const, label: row.output }))),
  ];
}

export function explainGate(table: GateTable): GateExplanation {
  if (table.kind === "xor") return { table, pictures: xorPictures(table) };
  return { table, pictures: [planePicture([table.perceptron], INPUT_PAIRS.map((at, i) => ({ at, label: table.outputs[i] })))] };
}
