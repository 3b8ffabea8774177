/** The one table helper over cli-table3: compact borders, headings styled by the palette. */
import Table from "cli-table3";
import type { Palette } from "./colour.js";

export function renderTable(head: string[], rows: string[][], palette: Palette, align?: ("left" | "right" | "center")[]): string {
  const table = new Table({
    head: head.map((cell) => palette.heading(cell)),
    style: { head: [], border: [], compact: true },
    // cli-table3 fails on colAligns: undefined, so the key is given only with a value.
    ...(align === undefined ? {} : { colAligns: align }),
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}
