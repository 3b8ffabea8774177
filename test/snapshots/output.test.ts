/**
 * What users see, pinned byte for byte in file snapshots (read them as a user would when they change):
 * the worked answers of every calculator in English and Korean, their JSON, every command's --help,
 * topics, a few problems and the completion scripts.
 */
import { describe, expect, it } from "vitest";
import { CALCULATOR_NAMES } from "../../src/calculators/index.js";
import { commandLoaders } from "../../src/commands/index.js";
import { runInProcess } from "../helpers/cli.js";

const SQUARE_3 = "1 2 3; 4 5 6; 7 8 9";
const SQUARE_4 = "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16";
const CHANNELS_2 = "[[[1,2,0],[0,1,3],[2,1,1]],[[0,1,2],[1,0,1],[3,2,0]]]";
/** A window of s whose cells are all ≤ 0: its maximum is a 0 of ReLU, and the gradient routed there stops. */
const STEP_INPUT = "2 2 3 0; -1 -1 0 -1; -1 0 0 2; 3 1 1 0";
const BIG_20 = Array.from({ length: 20 }, (_, r) => Array.from({ length: 20 }, (_, c) => (r + 2 * c) % 9).join(" ")).join("; ");

/** name → argv of one worked answer (the file name says what it shows). */
const WORKED: Record<string, string[]> = {
  "conv/basic": ["conv", "--input", SQUARE_3, "--kernel", "1 0; 0 -1"],
  "conv/mode-conv": ["conv", "--input", SQUARE_3, "--kernel", "1 0; 0 -1", "--mode", "conv"],
  "conv/backward-bias": ["conv", "--input", SQUARE_3, "--kernel", "1 0; 0 -1", "--bias", "1", "--grad", "1 1; 1 1"],
  "conv/stride-padding": ["conv", "--input", SQUARE_4, "--kernel", "1 0 -1; 2 0 -2; 1 0 -1", "--stride", "2", "--padding", "1"],
  "conv/dilation": ["conv", "--input", SQUARE_4, "--kernel", "1 2; 3 4", "--dilation", "2"],
  "conv/same": ["conv", "--input", SQUARE_3, "--kernel", "0 1 0; 1 -4 1; 0 1 0", "--padding", "same"],
  "conv/channels-bank": ["conv", "--input", CHANNELS_2, "--kernel", "[[[[1,0],[0,1]],[[0,1],[1,0]]],[[[1,1],[0,0]],[[0,0],[1,1]]]]", "--bias", "1,-2", "--grad", "[[[1,0],[0,1]],[[1,1],[1,1]]]"],
  "conv/summary": ["conv", "--input", BIG_20, "--kernel", "1 0; 0 1", "--grad", Array.from({ length: 19 }, () => Array(19).fill(1).join(" ")).join("; ")],
  "pool/max": ["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1"],
  "pool/max-grad": ["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1", "--grad", "1 1; 1 1"],
  "pool/max-padding-ceil": ["pool", "--input", SQUARE_4, "--size", "3", "--stride", "2", "--padding", "1", "--ceil"],
  "pool/avg": ["pool", "--input", "1 3; 2 4", "--size", "2", "--type", "avg"],
  "pool/avg-grad": ["pool", "--input", SQUARE_4, "--size", "2", "--type", "avg", "--grad", "1 2; 3 4"],
  "pool/avg-exclude-pad-ceil": ["pool", "--input", SQUARE_3, "--size", "2", "--stride", "2", "--padding", "1", "--type", "avg", "--exclude-pad", "--ceil", "--grad", "1 1; 1 1"],
  "pool/channels": ["pool", "--input", CHANNELS_2, "--size", "2", "--stride", "1", "--grad", "[[[1,0],[0,1]],[[1,1],[1,1]]]"],
  "pool/summary": ["pool", "--input", BIG_20, "--size", "2"],
  "roi/basic": ["roi", "--input", SQUARE_4, "--box", "0,0,3,3", "--output", "2"],
  "roi/grad": ["roi", "--input", SQUARE_4, "--box", "0,0,2,3", "--output", "2,2", "--grad", "1 2; 3 4"],
  "roi/two-boxes": ["roi", "--input", SQUARE_4, "--box", "0,0,2,2", "--box", "1,1,3,3", "--output", "2,2"],
  "roi/scale-clipped": ["roi", "--input", SQUARE_4, "--box", "0,0,9,5", "--output", "2", "--scale", "0.5"],
  "roi/summary": ["roi", "--input", BIG_20, "--box", "0,0,19,19", "--output", "7"],
  "spp/max": ["spp", "--input", SQUARE_4, "--levels", "1,2"],
  "spp/avg-sppnet": ["spp", "--input", "1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25", "--levels", "1,2,3", "--type", "avg", "--method", "sppnet"],
  "spp/summary": ["spp", "--input", BIG_20, "--levels", "1,2,4,8"],
  "spp/shape": ["spp", "--shape", "256,13,13", "--levels", "1,2,4"],
  "spp/shape-sppnet": ["spp", "--shape", "2,7,7", "--levels", "4,1", "--method", "sppnet"],
  "rf/stack": ["rf", "--layers", "conv3,pool2,conv3"],
  "rf/strided-dilated": ["rf", "--layers", "conv3s2p1,conv3d2,pool2s2", "--input-size", "32"],
  "rf/costs-vgg16": ["rf", "--layers", "conv3c64p1,conv3c64p1,pool2,conv3c128p1,conv3c128p1,pool2,conv3c256p1,conv3c256p1,conv3c256p1,pool2,conv3c512p1,conv3c512p1,conv3c512p1,pool2,conv3c512p1,conv3c512p1,conv3c512p1,pool2,fc4096,fc4096,fc1000", "--channels", "3", "--input-size", "224"],
  "rf/costs-separable": ["rf", "--layers", "conv3c64g64p1,conv1c128,pool2", "--channels", "64", "--input-size", "56"],
  "rf/costs-no-size": ["rf", "--layers", "conv3c8p1,pool2,tconv2c4s2", "--channels", "3", "--no-bias"],
  "gate/and": ["gate", "and"],
  "gate/or": ["gate", "or"],
  "gate/nand": ["gate", "nand"],
  "gate/nor": ["gate", "nor"],
  "gate/xor": ["gate", "xor"],
  "gate/custom": ["gate", "--weights", "1/2,1/2", "--bias", "-0.7"],
  "step/relu-maxpool-update": ["step", "--input", STEP_INPUT, "--kernel", "1 -1; 0 2", "--relu", "--pool", "max", "--pool-stride", "1", "--target", "1 3; 1 4", "--lr", "0.1"],
  "step/seed-delta": ["step", "--input", "1 2 0; 0 1 3; 2 1 0", "--kernel", "1 0; 0 -1", "--bias", "1", "--target", "0 1; -1 3", "--lr", "1/2"],
  "step/sigmoid-grad": ["step", "--input", "1 0 2; 0 1 0; 2 0 1", "--kernel", "1 0; 0 -1", "--act", "sigmoid", "--grad", "1 0; 0 1"],
  "step/tanh-avg-mse": ["step", "--input", SQUARE_3, "--kernel", "1 0; 0 -1/2", "--act", "tanh", "--pool", "avg", "--target", "0", "--loss", "mse"],
  "step/sse-channels-bank": ["step", "--input", CHANNELS_2, "--kernel", "[[[[1,0],[0,1]],[[0,1],[1,0]]],[[[1,1],[0,0]],[[0,0],[1,-1]]]]", "--bias", "1,-2", "--target", "[[[1,0],[0,1]],[[1,1],[1,1]]]", "--loss", "sse", "--lr", "0.5"],
  "step/forward-only": ["step", "--input", SQUARE_3, "--kernel", "1 0; 0 -1", "--relu"],
  "step/summary": ["step", "--input", BIG_20, "--kernel", "1 0; 0 1", "--relu", "--pool", "max", "--target", Array.from({ length: 9 }, () => Array(9).fill(1).join(" ")).join("; "), "--lr", "0.1"],
};

const COMMANDS = Object.keys(commandLoaders);
const PROBLEMS = ["conv.forward@3", "conv.padded@7", "conv.grad-kernel@11", "pool.max-grad@5", "roi.pool@2", "spp.vector@4", "rf.stack@9", "rf.params@2", "rf.macs@3", "gate.xor@1", "train.chain@2", "train.sigmoid@1", "train.update@4", "conv.channels@1"];

async function stdoutOf(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

describe("worked answers", () => {
  it.each(CALCULATOR_NAMES)("%s has pinned worked answers", (name) => {
    expect(Object.keys(WORKED).filter((key) => key.startsWith(`${name}/`)).length).toBeGreaterThan(0);
  });
  describe.each(["en", "ko"] as const)("--lang %s", (lang) => {
    it.each(Object.entries(WORKED))("%s", async (name, args) => {
      await expect(await stdoutOf([...args, "--lang", lang])).toMatchFileSnapshot(`./output/${name}.${lang}.txt`);
    });
  });
  it.each(Object.entries(WORKED))("%s --json", async (name, args) => {
    await expect(await stdoutOf([...args, "--json"])).toMatchFileSnapshot(`./output/${name}.json`);
  });
});

describe("--help", () => {
  describe.each(["en", "ko"] as const)("--lang %s", (lang) => {
    it("cnn-drill --help", async () => {
      await expect(await stdoutOf(["--help", "--lang", lang])).toMatchFileSnapshot(`./output/help/cnn-drill.${lang}.txt`);
    });
    it.each(COMMANDS)("%s --help", async (name) => {
      await expect(await stdoutOf([name, "--help", "--lang", lang])).toMatchFileSnapshot(`./output/help/${name}.${lang}.txt`);
    });
  });
});

describe("topics and problems", () => {
  it.each(["en", "ko"] as const)("topics --lang %s", async (lang) => {
    await expect(await stdoutOf(["topics", "--lang", lang])).toMatchFileSnapshot(`./output/topics/topics.${lang}.txt`);
  });
  it("topics --json", async () => {
    await expect(await stdoutOf(["topics", "--json"])).toMatchFileSnapshot("./output/topics/topics.json");
  });
  describe.each(["en", "ko"] as const)("--lang %s", (lang) => {
    it.each(PROBLEMS)("problem %s", async (id) => {
      await expect(await stdoutOf(["problem", id, "--lang", lang])).toMatchFileSnapshot(`./output/problem/${id}.${lang}.txt`);
    });
  });
  it.each(PROBLEMS)("problem %s --json", async (id) => {
    await expect(await stdoutOf(["problem", id, "--json"])).toMatchFileSnapshot(`./output/problem/${id}.json`);
  });
});

describe("completion scripts (these alone may change: they gain choice values)", () => {
  it.each(["bash", "zsh", "fish"])("completion %s", async (shell) => {
    await expect(await stdoutOf(["completion", shell])).toMatchFileSnapshot(`./output/completion/${shell}.txt`);
  });
});
