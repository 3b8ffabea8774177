/**
 * End to end: `cnn-drill rf` with channels — the parameter and MAC table, its totals and formulas,
 * the JSON keys, the table left as it was without channels, and every new input check (built command,
 * colour off: stdout, stderr, exit code).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runBuilt, runInProcess } from "../../helpers/cli.js";

const VGG16 = "conv3c64p1,conv3c64p1,pool2,conv3c128p1,conv3c128p1,pool2,conv3c256p1,conv3c256p1,conv3c256p1,pool2," +
  "conv3c512p1,conv3c512p1,conv3c512p1,pool2,conv3c512p1,conv3c512p1,conv3c512p1,pool2,fc4096,fc4096,fc1000";

describe("cnn-drill rf with channels (built)", () => {
  let vgg: ReturnType<typeof runBuilt>;
  beforeAll(() => {
    vgg = runBuilt(["rf", "--layers", VGG16, "--channels", "3", "--input-size", "224"]);
  });

  it("VGG16 --channels 3 --input-size 224: exit 0, nothing on stderr", () => {
    expect(vgg.exitCode).toBe(0);
    expect(vgg.stderr).toBe("");
  });

  it("VGG16: each row's output shape, parameters and MACs with the numbers substituted", () => {
    expect(vgg.stdout).toMatch(/│ {2}1 │ conv3c64p1 +│ 64×224×224 +│ +3·3·3·64 \+ 64 = 1,792 │ +3·3·3·64·224·224 = 86,704,128 │/);
    expect(vgg.stdout).toMatch(/│ {2}4 │ conv3c128p1 │ 128×112×112 +│ +3·3·64·128 \+ 128 = 73,856 │ +3·3·64·128·112·112 = 924,844,032 │/);
    expect(vgg.stdout).toMatch(/│ {2}3 │ pool2 +│ 64×112×112 +│ +0 │ +0 │/);
    expect(vgg.stdout).toMatch(/│ 19 │ fc4096 +│ 4096×1×1 +│ \(512·7·7\)·4096 \+ 4096 = 102,764,544 │ +\(512·7·7\)·4096 = 102,760,448 │/);
    expect(vgg.stdout).toMatch(/│ 21 │ fc1000 +│ 1000×1×1 +│ +4096·1000 \+ 1000 = 4,097,000 │ +4096·1000 = 4,096,000 │/);
  });

  it("VGG16: totals 138,357,544 parameters and 15,470,264,320 MACs, at the bottom and in words", () => {
    expect(vgg.stdout).toMatch(/│ +│ total +│ +│ +138,357,544 │ +15,470,264,320 │\n└/);
    expect(vgg.stdout).toContain("In total 138,357,544 learnable parameters and 15,470,264,320 multiply-accumulates (MACs) per image.");
  });

  it("VGG16: the formulas that apply (conv, fc, pooling), and the field table as before", () => {
    expect(vgg.stdout).toContain("  params = k·k·(C_in/g)·C_out + C_out     weights, plus one bias per output channel");
    expect(vgg.stdout).toContain("  MACs = k·k·(C_in/g)·C_out·H_out·W_out   each weight is used once at every output position");
    expect(vgg.stdout).toContain("  fc: params = in·N + N, MACs = in·N ");
    expect(vgg.stdout).toContain("  pool: params = 0, MACs = 0 ");
    expect(vgg.stdout).not.toContain("tconv: MACs");
    expect(vgg.stdout).toContain("Receptive field 404×404 input pixels, jump 32, start 111.5, output 1×1.");
  });

  it("conv3c128p1 --channels 64 --input-size 56: 73,856 parameters and 231,211,008 MACs", () => {
    const result = runBuilt(["rf", "--layers", "conv3c128p1", "--channels", "64", "--input-size", "56"]);
    expect(result.stdout).toMatch(/│ 1 │ conv3c128p1 │ 128×56×56 +│ 3·3·64·128 \+ 128 = 73,856 │ 3·3·64·128·56·56 = 231,211,008 │/);
    expect(result.stdout).toContain("In total 73,856 learnable parameters and 231,211,008 multiply-accumulates (MACs) per image.");
  });

  it("a depthwise-separable pair with --no-bias: (C_in/g) written out, no bias terms, the formula says so", () => {
    const result = runBuilt(["rf", "--layers", "conv3c64g64p1,conv1c128", "--channels", "64", "--input-size", "56", "--no-bias"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("params = k·k·(C_in/g)·C_out ");
    expect(result.stdout).toContain("weights only (--no-bias");
    expect(result.stdout).toMatch(/│ 1 │ conv3c64g64p1 │ 64×56×56 +│ 3·3·\(64\/64\)·64 = 576 │ 3·3·\(64\/64\)·64·56·56 = 1,806,336 │/);
    expect(result.stdout).toMatch(/│ 2 │ conv1c128 +│ 128×56×56 +│ +1·1·64·128 = 8,192 │ +1·1·64·128·56·56 = 25,690,112 │/);
    expect(result.stdout).toContain("In total 8,768 learnable parameters and 27,496,448 multiply-accumulates");
  });

  it("tconv4c8s2p1 after 16 channels on 5×5: MACs over the 5×5 input positions, with its formula", () => {
    const result = runBuilt(["rf", "--layers", "tconv4c8s2p1", "--channels", "16", "--input-size", "5"]);
    expect(result.stdout).toContain("tconv: MACs = k·k·(C_in/g)·C_out·H_in·W_in");
    expect(result.stdout).toMatch(/│ 1 │ tconv4c8s2p1 │ 8×10×10 +│ 4·4·16·8 \+ 8 = 2,056 │ 4·4·16·8·5·5 = 51,200 │/);
  });

  it("without --input-size: parameters and output channels only, MACs left out with a pointer", () => {
    const result = runBuilt(["rf", "--layers", "conv3c128p1,pool2", "--channels", "64"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Learnable parameters, layer by layer:");
    expect(result.stdout).toContain("output channels C");
    expect(result.stdout).not.toContain("MACs =");
    expect(result.stdout).not.toMatch(/│ MACs/);
    expect(result.stdout).toMatch(/│ 1 │ conv3c128p1 │ 128 +│ 3·3·64·128 \+ 128 = 73,856 │/);
    expect(result.stdout).toContain("In total 73,856 learnable parameters.\nMACs depend on the map's size: add --input-size N to count them.\n");
  });

  it("a c token alone asks for the costs (channels default to 1); --channels alone and --no-bias alone do too", async () => {
    expect((await runInProcess(["rf", "--layers", "conv3c4"])).stdout).toContain("3·3·1·4 + 4 = 40");
    expect((await runInProcess(["rf", "--layers", "conv3", "--channels", "2"])).stdout).toContain("3·3·2·2 + 2 = 38");
    expect((await runInProcess(["rf", "--layers", "conv3", "--no-bias"])).stdout).toContain("3·3·1·1 = 9");
    expect((await runInProcess(["rf", "--layers", "conv3g1"])).stdout).toContain("3·3·1·1 + 1 = 10");
  });

  it("without channels, c, g or fc: no cost table, and the JSON has none of its keys", async () => {
    const result = await runInProcess(["rf", "--layers", "conv3p1,pool2", "--input-size", "8"]);
    expect(result.stdout).not.toContain("parameters");
    const json = JSON.parse((await runInProcess(["rf", "--layers", "conv3p1,pool2", "--input-size", "8", "--json"])).stdout);
    expect(Object.keys(json)).toEqual(["layers", "receptiveField", "jump", "start", "inputSize", "outputSize"]);
    expect(Object.keys(json.layers[0])).not.toContain("params");
  });

  it("--json: per layer channels, outputShape, params, macs; in total params and macs", () => {
    const result = runBuilt(["rf", "--layers", "conv3c64g64p1,conv1c128,pool2", "--channels", "64", "--input-size", "56", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json.layers.map((layer: Record<string, unknown>) => [layer.channels, layer.outputShape, layer.params, layer.macs])).toEqual([
      [64, [64, 56, 56], 640, 1_806_336],
      [128, [128, 56, 56], 8320, 25_690_112],
      [128, [128, 28, 28], 0, 0],
    ]);
    expect(json.layers[0]).toMatchObject({ inChannels: 64, groups: 64, receptiveField: 3, outputSize: 56 });
    expect(json).toMatchObject({ channels: 64, bias: true, params: 8960, macs: 27_496_448, receptiveField: 4, outputSize: 28 });
  });

  it("--json without --input-size: macs null, outputShape [C, null, null]", async () => {
    const json = JSON.parse((await runInProcess(["rf", "--layers", "conv3c128p1", "--channels", "64", "--json"])).stdout);
    expect(json.layers[0]).toMatchObject({ channels: 128, outputShape: [128, null, null], params: 73_856, macs: null });
    expect(json).toMatchObject({ params: 73_856, macs: null });
  });

  it("--lang ko writes the cost table in Korean", () => {
    const result = runBuilt(["rf", "--layers", "conv3c128p1", "--channels", "64", "--input-size", "56", "--lang", "ko"]);
    expect(result.stdout).toContain("층마다 학습 파라미터 수와 곱셈-누산(MAC) 수:");
    expect(result.stdout).toContain("가중치 수, 그리고 출력 채널마다 편향 하나");
    expect(result.stdout).toMatch(/│ # │ 층 +│ 출력 C×H×W │ +파라미터 수 │ +MAC 수 │/);
    expect(result.stdout).toContain("합계: 학습 파라미터 73,856개, 이미지 한 장당 곱셈-누산(MAC) 231,211,008회.");
  });

  it.each(["en", "ko"])("--lang %s: no raw message key in a run with every kind of layer, with and without --input-size", (lang) => {
    for (const size of [["--input-size", "8"], []]) {
      const layers = size.length > 0 ? "conv3c4p1,pool2,tconv2c4s2g2,fc3" : "conv3c4p1,pool2,tconv2c4s2g2";
      const result = runBuilt(["rf", "--layers", layers, "--channels", "2", "--no-bias", ...size, "--lang", lang]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toMatch(/\brf\.[a-z]/);
    }
  });

  const TOKEN_HINT = "hint: layers look like conv3, conv3s2p1, conv3d2p2, conv3c64p1, pool2, pool3s2, tconv4s2p1, fc10 (s stride, p padding, d dilation, o output padding, c output channels, g groups), separated by commas\n";
  it.each([
    [["--layers", "conv3c8,fc10", "--channels", "3"], "error: --input-size: layer 2, \"fc10\": a fully connected layer needs the input size to count its inputs\nhint: add --input-size N (the input's width = height in pixels)\n"],
    [["--layers", "fc10"], "error: --input-size: layer 1, \"fc10\": a fully connected layer needs the input size to count its inputs\nhint: add --input-size N (the input's width = height in pixels)\n"],
    [["--layers", "conv3c6g4", "--channels", "8"], "error: --layers: layer 1, \"conv3c6g4\": its 8 input and 6 output channels are not both multiples of its 4 groups\nhint: the groups g must divide both channel counts, as in PyTorch; a depthwise conv has g = input channels = output channels (conv3c64g64 after 64 channels)\n"],
    [["--layers", "conv3", "--channels", "0"], "error: --channels: \"0\" must be a whole number of at least 1\nhint: give a whole number such as 1, 5 or 32\n"],
    [["--layers", "conv3", "--channels", "2.5"], "error: --channels: \"2.5\" must be a whole number of at least 1\nhint: give a whole number such as 1, 5 or 32\n"],
    [["--layers", "pool2c4"], `error: --layers: layer 1, "pool2c4": pooling keeps the channels, so it takes no output channels (c)\n${TOKEN_HINT}`],
    [["--layers", "pool2g2"], `error: --layers: layer 1, "pool2g2": pooling takes no groups (g)\n${TOKEN_HINT}`],
    [["--layers", "fc10s2", "--input-size", "4"], `error: --layers: layer 1, "fc10s2": a fully connected layer is written fc<units> alone, like fc10\n${TOKEN_HINT}`],
    [["--layers", "conv3c0"], "error: --layers: layer 1, \"conv3c0\": the output channels (c) must be at least 1\nhint: add --help to the command to see what each option takes\n"],
    [["--layers", "conv3c4g0"], "error: --layers: layer 1, \"conv3c4g0\": the groups (g) must be at least 1\nhint: add --help to the command to see what each option takes\n"],
    [["--layers", "fc0", "--input-size", "4"], "error: --layers: layer 1, \"fc0\": a fully connected layer needs at least 1 unit\nhint: add --help to the command to see what each option takes\n"],
    [["--layers", "conv9c4096,conv9c4096", "--channels", "4096", "--input-size", "4000"], "error: --layers: layer 1, \"conv9c4096\": the numbers grow too large to compute exactly\nhint: add --help to the command to see what each option takes\n"],
  ])("rf %j: exit 2, one error line and a hint, nothing on stdout", (args, stderr) => {
    const result = runBuilt(["rf", ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
  });

  it("the errors in Korean: fc without --input-size", () => {
    const result = runBuilt(["rf", "--layers", "fc10", "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("오류: --input-size: 1번째 층 \"fc10\": 완전 연결층의 입력 개수를 세려면 입력 크기가 필요합니다\n도움말: --input-size N 을 주세요 (입력의 너비 = 높이 픽셀 수)\n");
  });
});
