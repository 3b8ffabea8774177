/**
 * The English ↔ Korean glossary (questions/glossary/glossary.yaml): well formed, published as
 * docs/GLOSSARY.md, and applied to the Korean text of the question bank and of every string in src/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as ts from "typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const QUESTIONS = join(ROOT, "questions");
const GLOSSARY_FILE = join(QUESTIONS, "glossary", "glossary.yaml");

interface GlossaryTerm {
  en: string;
  ko: string;
  rejected: string[];
  except?: string[];
  note?: string;
}

interface Offence {
  term: string;
  variant: string;
}

const HANGUL = /[가-힣]/;
const TERM_KEYS = ["en", "ko", "rejected", "except", "note"];

function readGlossary(): { version: unknown; terms: GlossaryTerm[] } {
  return parse(readFileSync(GLOSSARY_FILE, "utf8"), { uniqueKeys: true }) as { version: unknown; terms: GlossaryTerm[] };
}

const glossary = readGlossary();

/** Every rejected variant in a Korean text, after blanking the term's exceptions (상관없이 is not 상관). */
function rejectedVariants(text: string, terms: readonly GlossaryTerm[] = glossary.terms): Offence[] {
  const offences: Offence[] = [];
  for (const term of terms) {
    let masked = text;
    for (const phrase of term.except ?? []) masked = masked.split(phrase).join("□");
    for (const variant of term.rejected) if (masked.includes(variant)) offences.push({ term: term.en, variant });
  }
  return offences;
}

/** Every `ko` string anywhere in a parsed YAML document. */
function koreanTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(koreanTexts);
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === "ko" && typeof value === "string" ? [value] : koreanTexts(value)));
}

/** Every string literal (and template text) of a TypeScript source that contains Hangul, with its line. */
function koreanStrings(source: string, fileName: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) && HANGUL.test(node.text)) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const bankFiles = readdirSync(QUESTIONS).filter((name) => name.endsWith(".yaml")).sort();

function bankOffences(name: string): string[] {
  const texts = koreanTexts(parse(readFileSync(join(QUESTIONS, name), "utf8")));
  return texts.flatMap((text) => rejectedVariants(text).map(({ term, variant }) => `${name}: "${variant}" (use the term for ${term}) in "${text}"`));
}

/** docs/GLOSSARY.md, generated from the glossary. */
function glossaryMarkdown(terms: readonly GlossaryTerm[]): string {
  const cell = (text: string): string => text.replaceAll("|", "\\|");
  const rows = terms.map((term) => `| ${cell(term.en)} | ${cell(term.ko)} | ${term.rejected.map(cell).join(", ") || "—"} | ${cell(term.note ?? "")} |`);
  return [
    "# Glossary (English ↔ Korean)",
    "",
    "<!-- Generated from questions/glossary/glossary.yaml by test/glossary.test.ts: edit the YAML, then run `npx vitest run test/glossary.test.ts -u`. -->",
    "",
    "One Korean term for each concept, as a Korean deep-learning course says it. The calculators' messages,",
    "the question bank, the prompts, the help and the mock exam use the chosen term; a test rejects the",
    "variants listed beside it in every Korean text of the bank and of `src/`.",
    "",
    "| English | Korean | Rejected variants | Note |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

describe("questions/glossary/glossary.yaml", () => {
  it("is version 1 with a non-empty list of terms", () => {
    expect(glossary.version).toBe(1);
    expect(glossary.terms.length).toBeGreaterThanOrEqual(20);
  });

  it("gives every term an English and a Korean text, a list of rejected variants and no other field", () => {
    for (const term of glossary.terms) {
      for (const key of Object.keys(term)) expect(TERM_KEYS, `${term.en}: field ${key}`).toContain(key);
      expect(typeof term.en === "string" && term.en.trim() !== "", JSON.stringify(term)).toBe(true);
      expect(term.ko, term.en).toMatch(HANGUL);
      expect(Array.isArray(term.rejected), term.en).toBe(true);
      for (const variant of [...term.rejected, ...(term.except ?? [])]) expect(typeof variant === "string" && variant.trim() !== "", term.en).toBe(true);
      expect(term.rejected, term.en).not.toContain(term.ko);
    }
  });

  it("makes one choice per term: no English or Korean term twice", () => {
    const english = glossary.terms.map((term) => term.en.toLowerCase());
    const korean = glossary.terms.map((term) => term.ko);
    expect(new Set(english).size).toBe(english.length);
    expect(new Set(korean).size).toBe(korean.length);
  });

  it("rejects what the issue names: bare 상관, 진짜 합성곱, 특성 맵, 탭, 빈 (bin), 영역 후보, 그라디언트", () => {
    const chosen = new Map(glossary.terms.map((term) => [term.en, term]));
    expect(chosen.get("cross-correlation")).toMatchObject({ ko: "교차 상관", rejected: expect.arrayContaining(["상관"]) });
    expect(chosen.get("true convolution")).toMatchObject({ ko: "수학적 정의의 합성곱", rejected: expect.arrayContaining(["진짜 합성곱"]) });
    expect(chosen.get("feature map")).toMatchObject({ ko: "특징 맵", rejected: expect.arrayContaining(["특성 맵"]) });
    expect(chosen.get("kernel element")).toMatchObject({ ko: "커널 원소", rejected: expect.arrayContaining(["탭"]) });
    expect(chosen.get("bin")).toMatchObject({ ko: "구간", rejected: expect.arrayContaining(["빈"]) });
    expect(chosen.get("receptive field")?.ko).toBe("수용 영역");
    expect(chosen.get("dilated (atrous) convolution")?.ko).toBe("팽창(atrous) 합성곱");
    expect(chosen.get("region proposal")).toMatchObject({ ko: "후보 영역", rejected: expect.arrayContaining(["영역 후보"]) });
    expect(chosen.get("gradient")).toMatchObject({ ko: "기울기", rejected: expect.arrayContaining(["그라디언트"]) });
    expect(chosen.get("full correlation")?.ko).toBe("full 교차 상관");
  });

  it("is consistent: no chosen Korean term contains a variant another term rejects", () => {
    for (const term of glossary.terms) expect(rejectedVariants(term.ko), term.en).toEqual([]);
  });

  it("is published as docs/GLOSSARY.md", async () => {
    await expect(glossaryMarkdown(glossary.terms)).toMatchFileSnapshot(join(ROOT, "docs", "GLOSSARY.md"));
  });
});

describe("rejectedVariants", () => {
  it.each([
    ["특성 맵의 크기", "특성 맵"],
    ["상관을 계산한다", "상관"],
    ["상호상관", "상관"],
    ["full correlation", "full correlation"],
    ["빈의 개수", "빈"],
    ["커널 탭", "탭"],
    ["그라디언트 전체", "그라디언트"],
    ["영역 후보마다", "영역 후보"],
  ])("finds the rejected variant in %s", (text, variant) => {
    expect(rejectedVariants(text).map((offence) => offence.variant)).toContain(variant);
  });

  it.each([["교차 상관을 계산한다"], ["크기와 상관없이"], ["빈 구간은 0을 돌려준다"], ["빈틈없이 덮는다"], ["특징 맵"], ["후보 영역"], ["full 교차 상관"], ["기울기"]])("accepts %s", (text) => {
    expect(rejectedVariants(text)).toEqual([]);
  });
});

describe("koreanStrings", () => {
  it("finds Korean in string literals and template texts, with their lines, and skips other strings", () => {
    const source = 'const a = "plain";\nconst b = { k: "그라디언트" };\nconst c = `${a} 특성 맵`;\nconst d = \'탭\';\n';
    expect(koreanStrings(source, "sample.ts")).toEqual([
      { line: 2, text: "그라디언트" },
      { line: 3, text: " 특성 맵" },
      { line: 4, text: "탭" },
    ]);
  });
});

describe("the glossary applied", () => {
  it("finds the bank files", () => {
    expect(bankFiles.length).toBeGreaterThanOrEqual(7);
  });

  it.each(bankFiles)("questions/%s: Korean text uses only the glossary's terms", (name) => {
    expect(bankOffences(name)).toEqual([]);
  });

  it("src/: every Korean string uses only the glossary's terms", () => {
    const files = typeScriptFiles(join(ROOT, "src"));
    const strings = files.flatMap((file) => koreanStrings(readFileSync(file, "utf8"), file).map((found) => ({ ...found, file: relative(ROOT, file) })));
    // The Korean catalogue is large: an empty scan would pass vacuously.
    expect(strings.length).toBeGreaterThan(300);
    const offences = strings.flatMap(({ file, line, text }) => rejectedVariants(text).map(({ term, variant }) => `${file}:${line}: "${variant}" (use the term for ${term}) in "${text}"`));
    expect(offences).toEqual([]);
  });
});
