/** Worked answers to typeset, one or more per calculator, covering every part a page can have. */
export const HTML_CASES: { name: string; args: string[] }[] = [
  { name: "conv 3x3 k=2", args: ["conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1"] },
  { name: "conv s=2 p=1 grad mode=conv", args: ["conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1", "--stride", "2", "--padding", "1", "--mode", "conv", "--grad", "1 2; 3 4"] },
  { name: "conv 2 channels, bank of 2, bias, d=2", args: ["conv", "--input", "[[[1,2,0,1],[3,4,1,0],[0,1,2,3],[1,0,1,2]],[[0,1,1,0],[1,0,0,1],[2,1,0,1],[1,1,1,1]]]", "--kernel", "[[[[1,0],[0,1]],[[1,1],[0,0]]],[[[0,1],[1,0]],[[0,0],[1,1]]]]", "--bias", "1,-2", "--dilation", "2", "--grad", "[[[1,0],[0,1]],[[1,1],[1,1]]]"] },
  { name: "conv 20x20 (summarised)", args: ["conv", "--input", JSON.stringify(Array.from({ length: 20 }, (_, r) => Array.from({ length: 20 }, (_, c) => (r * 20 + c) % 7))), "--kernel", "1 0; 0 1"] },
  { name: "pool max s=1 grad", args: ["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1", "--grad", "1 1; 1 1"] },
  { name: "pool avg p=1 grad", args: ["pool", "--type", "avg", "--input", "1 2 3; 4 5 6; 7 8 9", "--size", "2", "--padding", "1", "--grad", "1 1; 1 1"] },
  { name: "pool max ceil 2 channels tie", args: ["pool", "--input", "[[[1,1,2],[1,0,2],[3,3,0]],[[5,5,1],[5,5,1],[0,0,9]]]", "--size", "2", "--ceil"] },
  { name: "roi scale 0.5 grad", args: ["roi", "--input", "0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24", "--box", "1,1,7,5", "--scale", "0.5", "--output", "2", "--grad", "1 1; 1 1"] },
  { name: "roi two boxes, one clipped", args: ["roi", "--input", "0 1 2 3; 4 5 6 7; 8 9 10 11; 12 13 14 15", "--box", "0,0,1,1", "--box", "2,2,6,6", "--output", "2"] },
  { name: "spp sppnet 1,2,3", args: ["spp", "--input", "8 0 1 5 2; 5 9 1 7 1; 8 8 0 2 3; 9 2 9 1 4; 1 1 1 1 1", "--levels", "1,2,3", "--method", "sppnet"] },
  { name: "spp avg adaptive", args: ["spp", "--input", "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16", "--levels", "1,2", "--type", "avg"] },
  { name: "rf with input size and dilation", args: ["rf", "--layers", "conv3p1,conv3s2p1,pool2,conv3d2p2", "--input-size", "16"] },
  { name: "rf with a transposed convolution", args: ["rf", "--layers", "conv3p1,conv3s2p1,pool2,conv3d2p2,tconv2s2", "--input-size", "16"] },
  { name: "rf without input size", args: ["rf", "--layers", "conv3,conv3,pool2"] },
  { name: "rf with channels, parameters and MACs", args: ["rf", "--channels", "3", "--layers", "conv3c16p1,pool2,conv3c16g16p1,conv1c32,fc10", "--input-size", "8"] },
  { name: "gate xor", args: ["gate", "xor"] },
  { name: "gate custom w=0.5,0.5 b=-0.7", args: ["gate", "--weights", "0.5,0.5", "--bias", "-0.7"] },
  { name: "step relu max pool target lr", args: ["step", "--input", "2 2 3 0; -1 -1 0 -1; -1 0 0 2; 3 1 1 0", "--kernel", "1 -1; 0 2", "--relu", "--pool", "max", "--pool-stride", "1", "--target", "1 3; 1 4", "--lr", "0.1"] },
  { name: "step sigmoid avg mse bank", args: ["step", "--input", "[[[1,2,0],[0,1,3],[2,1,1]],[[0,1,2],[1,0,1],[3,2,0]]]", "--kernel", "[[[[1,0],[0,1]],[[0,1],[1,0]]],[[[1,1],[0,0]],[[0,0],[1,-1]]]]", "--bias", "1,-2", "--act", "sigmoid", "--pool", "avg", "--target", "[[[1]],[[0]]]", "--loss", "mse", "--lr", "0.5"] },
  { name: "step tanh grad forward", args: ["step", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1/2", "--act", "tanh", "--grad", "1 0; 0 1"] },
];

export function caseArgs(name: string): string[] {
  const found = HTML_CASES.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no HTML case named ${name}`);
  return found.args;
}
