/**
 * Every command loads only the message areas it declares; these runs of the built command, in both
 * languages, would show a raw catalogue key (like `conv.title.corr`) if a needed area were missing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/i18n/catalog.js";
import { listTopics } from "../../src/quiz/index.js";
import { runBuilt } from "../helpers/cli.js";

// Topic ids such as spp.vector are words of the output, not catalogue keys.
const topicIds = new Set(listTopics().map((topic) => topic.id));
const keys = Object.keys(catalog.en).filter((key) => key.includes(".") && !topicIds.has(key));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const keyPatterns = keys.map((key) => ({ key, pattern: new RegExp(`(?<![\\w.-])${escape(key)}(?![\\w.-])`) }));
const home = mkdtempSync(join(tmpdir(), "cnn-drill-messages-"));

const runs: string[][] = [
  ["--help"],
  ["conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1", "--grad", "1 1; 1 1", "--mode", "conv"],
  ["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1", "--grad", "1 1; 1 1"],
  ["pool", "--type", "avg", "--input", "1 2 3; 4 5 6; 7 8 9", "--size", "2", "--padding", "1", "--grad", "1 1; 1 1"],
  ["roi", "--input", "0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24", "--box", "1,1,7,5", "--scale", "0.5", "--output", "2", "--grad", "1 1; 1 1"],
  ["spp", "--input", "8 0 1 5 2; 5 9 1 7 1; 8 8 0 2 3; 9 2 9 1 4; 1 1 1 1 1", "--levels", "1,2,3", "--method", "sppnet"],
  ["rf", "--layers", "conv3p1,conv3s2p1,pool2,conv3d2p2,tconv2s2", "--input-size", "16"],
  ["gate", "xor"],
  ["gate", "--weights", "0.5,0.5", "--bias", "-0.7"],
  ["topics"],
  ["problem", "pool.max-grad@11"],
  ["problem", "concept.atrous@3"],
  ["check", "conv.grad-input@5", "--answer", "[[0,0,0],[0,0,0],[0,0,0]]"],
  ["check", "concept.xor@2", "--answer", "a"],
  ["stats"],
  ["exam", "--seed", "4", "--count", "3", "--answers", "--format", "md"],
  ["completion", "bash"],
  ["conv", "--input", "1 2; 3", "--kernel", "1"],
  ["check", "conv.forward@1", "--answer", "1 2 3"],
];

describe("no raw message keys in any command's output", () => {
  for (const lang of ["en", "ko"]) {
    it.each(runs.map((args) => [args.join(" ").slice(0, 70), args]))(`${lang}: %s`, (_name, args) => {
      const result = runBuilt([...(args as string[]), ...(args[0] === "completion" || args[0] === "--help" ? [] : ["--lang", lang])], { env: { CNN_DRILL_HOME: home } });
      const text = result.stdout + result.stderr;
      expect(text.length).toBeGreaterThan(0);
      const leaked = keyPatterns.filter(({ pattern }) => pattern.test(text)).map(({ key }) => key);
      expect(leaked).toEqual([]);
    });
  }
});
