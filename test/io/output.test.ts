/**
 * Failed writes of the process's own output: a closed pipe exits 0 quietly, a full disk is one line
 * and exit 2. Unit tests drive the guard with a fake process; end-to-end tests spawn the built command.
 */
import { spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { guardProcessOutput, outputFailureExitCode } from "../../src/io/output.js";
import { BIN } from "../helpers/cli.js";

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function fakeProcess() {
  return {
    stdout: new EventEmitter(),
    stderr: new EventEmitter(),
    exit: (code: number): never => {
      throw new Exit(code);
    },
  };
}

const errno = (code: string) => Object.assign(new Error(code), { code });

describe("guardProcessOutput", () => {
  it.each([["EPIPE", 0], ["ENOSPC", 2], ["EIO", 2], ["EBADF", 2]])("a %s on stdout exits %i", (code, exitCode) => {
    const proc = fakeProcess();
    const described: string[] = [];
    guardProcessOutput(proc, (reason) => { described.push(reason); return ""; });
    expect(() => proc.stdout.emit("error", errno(code))).toThrow(new Exit(exitCode));
    expect(described).toEqual(exitCode === 0 ? [] : [code]);
  });

  it.each([["EPIPE", 0], ["ENOSPC", 2]])("a %s on stderr exits %i without writing", (code, exitCode) => {
    const proc = fakeProcess();
    const described: string[] = [];
    guardProcessOutput(proc, (reason) => { described.push(reason); return ""; });
    expect(() => proc.stderr.emit("error", errno(code))).toThrow(new Exit(exitCode));
    expect(described).toEqual([]);
  });

  it("an error without a code is a failure (exit 2)", () => {
    expect(outputFailureExitCode(new Error("odd"))).toBe(2);
  });
});

/** Runs a shell line with pipefail (the status is the command's, not head's) and the built command as $CNN. */
function shell(line: string): { stdout: string; stderr: string; exitCode: number } {
  const result = spawnSync("bash", ["--norc", "--noprofile", "-o", "pipefail", "-c", line], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NO_COLOR: "1", CNN: `${process.execPath} ${BIN}` },
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
}

const commands = (): string[] => {
  const help = shell("$CNN --help").stdout;
  const section = help.slice(help.indexOf("Commands:"));
  return [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1]).filter((name) => name !== "help");
};

describe("built command: a closed pipe", () => {
  it("output over 64 KiB into `head -c 1` exits 0 with nothing on stderr", () => {
    // A 300×300 map's --json answer is several hundred KiB.
    const result = shell("$CNN conv --input @<(for i in $(seq 300); do seq -s ' ' 300; done) --kernel 1 --json | head -c 1 > /dev/null");
    expect([result.exitCode, result.stderr]).toEqual([0, ""]);
  });

  it("--help of the program and of every command into `head -1` exits 0 with nothing on stderr", () => {
    const names = commands();
    expect(names.length).toBeGreaterThan(5);
    const lines = ["$CNN --help", ...names.map((name) => `$CNN ${name} --help`)].map((line) => `${line} | head -1 > /dev/null || echo "failed: ${line}" >&2`);
    const result = shell(lines.join("\n"));
    expect(result.stderr).toBe("");
  });
});

describe("built command: a full disk", () => {
  it("> /dev/full is one error line and a hint on stderr, exit 2", () => {
    const result = shell("$CNN conv --input '1 2; 3 4' --kernel 1 --json > /dev/full");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: cannot write the output (ENOSPC)\nhint: check that the disk has space and that the output goes somewhere writable\n");
  });

  it("in Korean too", () => {
    const result = shell("$CNN conv --input '1 2; 3 4' --kernel 1 --lang ko > /dev/full");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("오류: 출력을 쓸 수 없습니다(ENOSPC)\n도움말: 디스크 공간이 남아 있는지, 출력을 쓸 수 있는 곳으로 보내는지 확인하세요\n");
  });

  it("--help > /dev/full exits 2 with the same line", () => {
    const result = shell("$CNN --help > /dev/full");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write the output \(ENOSPC\)\n/);
  });
});
