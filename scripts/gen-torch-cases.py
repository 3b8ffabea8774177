#!/usr/bin/python3
"""Extra reference cases for cnn-drill, computed with PyTorch 1.13 / torchvision 0.14 (float64).

Usage (from the project root):

    /usr/bin/python3 scripts/gen-torch-cases.py SEED > test/fixtures/torch-cases-extra.json

The output is deterministic for a seed (Python's `random.Random(SEED)`; torch only computes, it draws
nothing). test/torch-cases.test.ts runs every case through the engine and through the CLI. Takes
about 2 s; seed 1 made the committed fixture (436 cases: conv 116, pool 120, roi 80, spp 60, rf 60).

Each case has the format of test/fixtures/torch-cases.json (made by the reference script
gen_torch_cases.py): {"name", "args": [argv after `cnn-drill`], "expect": {json key: value}}. The CLI
is run as `cnn-drill <args> --json` and every expected key must match within 1e-6.

Where the existing fixture mostly covers small integer cases, these aim at the edges:
- every kind: maps as thin as 1×W; 2-D matrices as text (';' or new-line rows, spaces and/or commas,
  fractions, decimals, exponents like 5e-1, leading minus) or JSON.
- conv: 2-D and C×H×W inputs; one filter of the input's rank, banks one rank higher (incl. a 2-D
  input with a Cout×kH×kW bank); bias as a number or a list (text, JSON, leading minus); stride,
  padding and dilation pairs (asymmetric like 2,1), `same` with even kernels and dilation, `valid`;
  `--mode conv`; gradients, incl. strides that skip trailing rows/columns; values like 0.5, 1/3, -1/4.
- pool: max and avg, 2-D and 3-D, size/stride/padding pairs, padding up to k//2 with ties among
  negatives next to the padding, overlapping windows, `--ceil` (incl. the dropped last window),
  `--exclude-pad`; output, gradInput, and for max also mask and argmax from torch's return_indices.
- roi: several boxes, 3-D maps, scales 1, 0.5, 0.25, 1/8, 1/16 (large box coordinates) and 0.3, 1/3,
  0.1, 1/5, 0.6, 2, 3/2 (inexact products, rounded as float64), corners that
  scale to .5 (rounding half away from zero, also below zero), boxes partly outside the map, tiny
  boxes, output sizes 1x1 … 4x4 with overlapping or empty bins; output, gradInput for one box, and
  bins (observed by pooling one-hot maps; left out when a bin is empty, as its clipped edges are not
  observable).
- spp: max and avg (`--type`), 2-D and 3-D, levels up to min(H, W); adaptive bins (torch
  adaptive_*_pool2d) and `--method sppnet` (torch *_pool2d with window ceil(a/n), stride floor(a/n));
  vector, length, and per level n, output and bins (observed with one-hot maps).
- rf: random stacks of conv (stride, padding, dilation) and pool (stride, padding) layers, and a
  few stride-1 transposed convolutions; receptiveField, jump and start checked empirically with
  autograd on a 1-D signal (the extent and centre of the input cells that reach one output unit),
  outputSize from torch's own output shape. Stacks with a strided transposed convolution expect
  only outputSize and jump (no single receptive field exists there; the CLI says null).

Inputs the CLI deliberately refuses are not emitted (their refusals are tested in the unit tests):
roi boxes entirely off the map or with x2 < x1, spp levels larger than the map, pool padding above
k//2 (torch refuses it too), --exclude-pad with max pooling, `same` padding with a stride above 1.
"""
import json
import math
import random
import sys
from fractions import Fraction

import warnings

import torch
import torch.nn.functional as F
from torchvision.ops import roi_pool

torch.set_default_dtype(torch.float64)
# torch notes that even kernels with padding="same" copy the input; expected, not a problem here.
warnings.filterwarnings("ignore", message="Using padding=.same.")
if len(sys.argv) != 2:
    sys.exit("usage: gen-torch-cases.py SEED > test/fixtures/torch-cases-extra.json")
rng = random.Random(int(sys.argv[1]))

# ---- values and their spelling on the command line ---------------------------------------------

INTS = [Fraction(v) for v in range(-3, 4)]
NICE = INTS + [Fraction(1, 2), Fraction(-1, 2), Fraction(3, 2), Fraction(1, 4), Fraction(-3, 4),
               Fraction(1, 3), Fraction(-2, 3)]


def values(shape, pool=INTS):
    """A float64 tensor of `shape` drawn from `pool`, and the exact fractions (for spelling)."""
    count = 1
    for n in shape:
        count *= n
    fracs = [rng.choice(pool) for _ in range(count)]
    return torch.tensor([float(f) for f in fracs]).reshape(shape), fracs


def spell(f):
    """A fraction as the CLI reads it: 3, -1, 0.5 or 1/2, 0.25 or 1/4, -2/3 (never lossy)."""
    f = Fraction(f)
    if f.denominator == 1:
        return str(f.numerator)
    roll = rng.random()
    if f.denominator in (2, 4, 8, 16) and roll < 0.4:
        return repr(float(f))
    if f.denominator in (2, 4, 8, 16) and roll < 0.5:
        return f"{float(f) * 10:g}e-1"  # exponent form: 5e-1, -7.5e-1
    return f"{f.numerator}/{f.denominator}"


def text_matrix(fracs, h, w):
    """'1 -1/2; 0.25 3' (rows by ';' or new lines, entries by spaces and/or commas)."""
    sep = rng.choice([" ", ", ", ",", "  "])
    rows = rng.choice(["; ", "; ", ";", "\n"])
    return rows.join(sep.join(spell(fracs[r * w + c]) for c in range(w)) for r in range(h))


def json_number(v):
    v = float(v)
    return int(v) if v.is_integer() else v


def json_tensor(t):
    """JSON nested arrays (repr of float64 round-trips exactly)."""
    def walk(x):
        return [walk(e) for e in x] if isinstance(x, list) else json_number(x)
    return json.dumps(walk(t.tolist()), separators=(",", ":"))


def matrix_arg(t, fracs):
    """2-D: mostly text with fractions, sometimes JSON; higher ranks: JSON."""
    if t.dim() == 2 and rng.random() < 0.85:
        return text_matrix(fracs, t.shape[0], t.shape[1])
    return json_tensor(t)


def grad_arg(t):
    return text_matrix([Fraction(v).limit_denominator(64) for v in t.reshape(-1).tolist()], t.shape[0], t.shape[1]) \
        if t.dim() == 2 else json_tensor(t)


def pair(a, b):
    return str(a) if a == b else f"{a},{b}"


def conv_out(n, k, s, before, after, d):
    return (n + before + after - d * (k - 1) - 1) // s + 1


cases = []


def add(kind, args, expect):
    cases.append({"name": f"{kind}-x{len([c for c in cases if c['args'][0] == args[0]])}", "args": args, "expect": expect})


# ---- conv ---------------------------------------------------------------------------------------

def conv_case(i):
    variant = i % 4  # 0: 2-D one filter, 1: 2-D input + Cout×kH×kW bank, 2: C×H×W one filter, 3: C×H×W bank
    three_d = variant >= 2
    bank = variant in (1, 3)
    C = rng.choice([1, 2, 2, 3]) if three_d else 1
    O = rng.choice([1, 2, 2, 3]) if bank else 1  # a bank of one filter still gives a 1×H'×W' output
    for _ in range(1000):
        H, W = rng.choice([1, 2, 3, 4, 5, 6, 7]), rng.randint(2, 7)
        if rng.random() < 0.5:
            H, W = W, H
        kh, kw = rng.choice([(1, 1), (2, 2), (3, 3), (2, 3), (3, 2), (1, 3), (4, 4), (2, 1), (4, 2)])
        style = rng.choice(["pair", "pair", "pair", "same", "valid"])
        dh, dw = rng.choice([(1, 1), (1, 1), (2, 2), (1, 2), (2, 1), (3, 1), (2, 3)])
        if style == "same":
            sh, sw = 1, 1
            th, tw = dh * (kh - 1), dw * (kw - 1)
            pad = (th // 2, th - th // 2, tw // 2, tw - tw // 2)  # top, bottom, left, right
            padding_arg = rng.choice(["same", "SAME", "same"])
        else:
            sh, sw = rng.choice([(1, 1), (2, 2), (2, 1), (1, 2), (3, 3), (3, 2), (2, 3)])
            if style == "valid":
                ph, pw = 0, 0
                padding_arg = "valid"
            else:
                ph, pw = rng.choice([(0, 0), (1, 1), (2, 1), (1, 2), (0, 2), (2, 2), (3, 0)])
                padding_arg = pair(ph, pw)
            pad = (ph, ph, pw, pw)
        oh = conv_out(H, kh, sh, pad[0], pad[1], dh)
        ow = conv_out(W, kw, sw, pad[2], pad[3], dw)
        if oh >= 1 and ow >= 1:
            break
    mode = rng.choice(["corr", "corr", "conv"])
    fine = rng.random() < 0.4  # fractions and halves rather than integers
    x, xf = values((C, H, W) if three_d else (H, W), NICE if fine else INTS)
    kshape = ((O,) if bank else ()) + ((C,) if three_d else ()) + (kh, kw)
    w, wf = values(kshape, NICE if fine and rng.random() < 0.5 else [Fraction(v) for v in range(-2, 3)])
    bias_kind = rng.choice(["none", "given", "given", "given"])
    b, bf = values((O,), NICE)

    x4 = (x if three_d else x[None])[None].clone().requires_grad_(True)
    w4 = w.reshape(O, C, kh, kw).clone()
    if mode == "conv":
        w4 = torch.flip(w4, dims=[2, 3])
    w4.requires_grad_(True)
    b1 = (b if bias_kind != "none" else torch.zeros(O)).clone().requires_grad_(True)
    if style == "same":
        y = F.conv2d(x4, w4, b1, stride=1, padding="same", dilation=(dh, dw))
    else:
        y = F.conv2d(x4, w4, b1, stride=(sh, sw), padding=(pad[0], pad[2]), dilation=(dh, dw))
    assert tuple(y.shape[-2:]) == (oh, ow), (y.shape, oh, ow)
    g, _ = values(tuple(y.shape), [Fraction(v) for v in range(-2, 3)] + [Fraction(1, 2)])
    y.backward(g)
    gk = w4.grad
    if mode == "conv":
        gk = torch.flip(gk, dims=[2, 3])
    out = y[0] if bank else y[0, 0]
    args = ["conv", "--input", matrix_arg(x, xf), "--kernel", json_tensor(w) if w.dim() > 2 else matrix_arg(w, wf)]
    if bias_kind != "none":
        if bank:
            bias_text = rng.choice(["comma", "space", "json"])
            args += ["--bias", {"comma": ",".join(spell(f) for f in bf), "space": " ".join(spell(f) for f in bf),
                                "json": json.dumps([json_number(float(f)) for f in bf])}[bias_text]]
        else:
            args += ["--bias", rng.choice([spell(bf[0]), spell(bf[0]), json.dumps([json_number(float(bf[0]))])])]
    if (sh, sw) != (1, 1) or rng.random() < 0.3:
        args += ["--stride", pair(sh, sw)]
    if padding_arg != "0" or rng.random() < 0.3:
        args += ["--padding", padding_arg]
    if (dh, dw) != (1, 1) or rng.random() < 0.3:
        args += ["--dilation", pair(dh, dw)]
    if mode == "conv" or rng.random() < 0.3:
        args += ["--mode", mode]
    args += ["--grad", grad_arg(g[0] if bank else g[0, 0])]
    expect = {
        "output": out.tolist(),
        "gradInput": (x4.grad[0] if three_d else x4.grad[0, 0]).tolist(),
        "gradKernel": gk.reshape(kshape).tolist(),
        "gradBias": b1.grad.tolist() if bank else b1.grad[0].item(),
    }
    add("conv", args, expect)


def conv_skip_trailing(i):
    """Strides that skip trailing rows and columns: those input cells get no gradient."""
    for _ in range(1000):
        H, W = rng.randint(4, 8), rng.randint(4, 8)
        k = rng.choice([2, 3])
        s = rng.choice([2, 3])
        d = rng.choice([1, 1, 2])
        p = rng.choice([0, 0, 1])
        o_h, o_w = conv_out(H, k, s, p, p, d), conv_out(W, k, s, p, p, d)
        last_h = (o_h - 1) * s - p + d * (k - 1)
        last_w = (o_w - 1) * s - p + d * (k - 1)
        if o_h >= 1 and o_w >= 1 and (last_h < H - 1 or last_w < W - 1):
            break
    x, xf = values((H, W), NICE)
    w, wf = values((k, k), INTS)
    x4 = x[None, None].clone().requires_grad_(True)
    w4 = w[None, None].clone().requires_grad_(True)
    y = F.conv2d(x4, w4, None, stride=s, padding=p, dilation=d)
    g, _ = values(tuple(y.shape), INTS)
    y.backward(g)
    args = ["conv", "--input", matrix_arg(x, xf), "--kernel", matrix_arg(w, wf), "--stride", str(s),
            "--padding", str(p), "--dilation", str(d), "--grad", grad_arg(g[0, 0])]
    add("conv", args, {"output": y[0, 0].tolist(), "gradInput": x4.grad[0, 0].tolist(),
                       "gradKernel": w4.grad[0, 0].tolist(), "gradBias": float(g.sum())})


for i in range(100):
    conv_case(i)
for i in range(16):
    conv_skip_trailing(i)


# ---- pool ---------------------------------------------------------------------------------------

def pool_case(i):
    kind = "max" if i % 2 == 0 else "avg"
    three_d = i % 3 == 2
    want_ceil = i % 4 in (1, 2)
    want_drop = want_ceil and i % 8 in (1, 2)  # half of the ceil cases drop a last window
    for _ in range(10000):
        H, W = rng.choice([1, 2, 3, 4, 5, 6, 7]), rng.randint(2, 7)
        if rng.random() < 0.5:
            H, W = W, H
        kh, kw = rng.choice([(2, 2), (2, 2), (3, 3), (3, 3), (2, 3), (3, 2), (1, 2), (4, 4), (4, 3), (1, 1), (1, 3)])
        default_stride = rng.random() < 0.25
        sh, sw = (kh, kw) if default_stride else rng.choice([(1, 1), (2, 2), (2, 2), (3, 3), (2, 1), (1, 2), (3, 2)])
        ph, pw = rng.randint(0, kh // 2), rng.randint(0, kw // 2)
        if rng.random() < 0.3:
            ph, pw = 0, 0
        ceil = want_ceil

        def size(n, k, s, p):
            span = n + 2 * p - k
            if span < 0:
                return 0, False
            if not ceil:
                return span // s + 1, False
            o = -(-span // s) + 1
            if (o - 1) * s >= n + p:
                return o - 1, True
            return o, False

        (oh, drop_h), (ow, drop_w) = size(H, kh, sh, ph), size(W, kw, sw, pw)
        if oh < 1 or ow < 1:
            continue
        if want_drop and not (drop_h or drop_w):
            continue
        break
    exclude = kind == "avg" and rng.random() < 0.4 and (ph or pw or ceil)
    negative = rng.random() < 0.4  # ties among negatives next to the padding
    pool_values = [Fraction(v) for v in (-3, -2, -2, -1, -1)] if negative else [Fraction(v) for v in range(0, 4)]
    if kind == "avg" and rng.random() < 0.4:
        pool_values = NICE
    x, xf = values((2, H, W) if three_d else (H, W), pool_values)
    x4 = (x if three_d else x[None])[None].clone().requires_grad_(True)
    if kind == "max":
        y, idx = F.max_pool2d(x4, (kh, kw), (sh, sw), (ph, pw), ceil_mode=ceil, return_indices=True)
    else:
        y = F.avg_pool2d(x4, (kh, kw), (sh, sw), (ph, pw), ceil_mode=ceil, count_include_pad=not exclude)
    g, _ = values(tuple(y.shape), [Fraction(v) for v in range(1, 4)] + [Fraction(-1), Fraction(1, 2)])
    y.backward(g)
    sel = (lambda t: t[0]) if three_d else (lambda t: t[0, 0])
    args = ["pool", "--input", matrix_arg(x, xf), "--size", pair(kh, kw)]
    if kind == "avg" or rng.random() < 0.5:
        args += ["--type", kind]
    if not default_stride:
        args += ["--stride", pair(sh, sw)]
    if ph or pw or rng.random() < 0.2:
        args += ["--padding", pair(ph, pw)]
    if ceil:
        args.append("--ceil")
    if exclude:
        args.append("--exclude-pad")
    args += ["--grad", grad_arg(sel(g))]
    expect = {"output": sel(y).tolist(), "gradInput": sel(x4.grad).tolist()}
    if kind == "max":
        flat = idx[0]  # C×OH×OW, flat index h·W + w within each channel
        mask = torch.zeros(flat.shape[0], H * W)
        for c in range(flat.shape[0]):
            mask[c, flat[c].reshape(-1)] = 1
        mask = mask.reshape(flat.shape[0], H, W)
        argmax = torch.stack([flat // W, flat % W], dim=-1)
        expect["mask"] = (mask if three_d else mask[0]).tolist()
        expect["argmax"] = (argmax if three_d else argmax[0]).tolist()
    add("pool", args, expect)


for i in range(120):
    pool_case(i)


# ---- bins, observed: pool H·W one-hot maps; cell (r, c) belongs to bin (i, j) iff that bin's max is 1 --

def probe_bins(H, W, pool):
    """`pool` maps an (H·W)×1×H×W batch of one-hot maps to (H·W)×1×PH×PW. Returns the PH×PW grid of
    {"rows": [start, end), "cols": [start, end)}, or None when a bin is empty (its clipped edges are
    not observable)."""
    out = pool(torch.eye(H * W).reshape(H * W, 1, H, W))
    grid = []
    for i in range(out.shape[2]):
        row = []
        for j in range(out.shape[3]):
            cells = (out[:, 0, i, j] == 1).nonzero().reshape(-1).tolist()
            if not cells:
                return None
            rs, cs = [c // W for c in cells], [c % W for c in cells]
            rows, cols = [min(rs), max(rs) + 1], [min(cs), max(cs) + 1]
            assert (rows[1] - rows[0]) * (cols[1] - cols[0]) == len(cells), "a bin is not a rectangle"
            row.append({"rows": rows, "cols": cols})
        grid.append(row)
    return grid


# ---- roi ----------------------------------------------------------------------------------------

SCALES = [(1.0, "1"), (0.5, "0.5"), (0.5, "1/2"), (0.25, "0.25"), (0.125, "1/8"), (0.0625, "1/16"), (0.0625, "0.0625")]
# Scales that are not powers of two: corners times the scale are inexact in binary, and the CLI must
# round the very same float64 product as torchvision (1/3 and 0.3 parse to Python's 1/3 and 0.3).
ODD_SCALES = [(0.3, "0.3"), (1 / 3, "1/3"), (0.1, "0.1"), (0.2, "1/5"), (0.6, "0.6"), (2.0, "2"), (1.5, "3/2")]


def c_round(v):
    """C round(): halves away from zero (Python's round() would round half to even)."""
    return int(math.copysign(math.floor(abs(v) + 0.5), v))


def roi_box(H, W, scale):
    """A box in image coordinates; corners often land on .5 on the map; sometimes partly outside or tiny."""
    if scale in [v for v, _ in ODD_SCALES]:  # corners drawn in image coordinates (decimals)
        for _ in range(1000):
            x1, x2 = sorted(round(rng.uniform(-1, W + 1) / scale * 2) / 2 for _ in range(2))
            y1, y2 = sorted(round(rng.uniform(-1, H + 1) / scale * 2) / 2 for _ in range(2))
            sc, sr, ec, er = (c_round(v * scale) for v in (x1, y1, x2, y2))
            if ec >= 0 and sc < W and er >= 0 and sr < H:
                return [Fraction(v) for v in (x1, y1, x2, y2)]
        raise RuntimeError("no box")
    def corner(n):
        style = rng.random()
        if style < 0.35:
            f = Fraction(rng.randint(-2, 2 * n + 1), 2)  # halves, incl. -0.5, -1.5 and past the end
        elif style < 0.7:
            f = Fraction(rng.randint(0, n - 1))
        else:
            f = Fraction(rng.randint(-4 * 2, 4 * n + 4), 4)
        return f
    for _ in range(1000):
        a, b = sorted([corner(W), corner(W)])
        c, d = sorted([corner(H), corner(H)])
        if rng.random() < 0.15:  # tiny box: a single point, or under a pixel wide
            b = a + rng.choice([Fraction(0), Fraction(1, 4), Fraction(1, 2)])
            d = c + rng.choice([Fraction(0), Fraction(1, 4), Fraction(1, 2)])
        box = [a / Fraction(scale), c / Fraction(scale), b / Fraction(scale), d / Fraction(scale)]
        # The CLI refuses a box entirely off the map (torchvision would pool only empty bins, all 0).
        sc, sr, ec, er = (c_round(float(v) * scale) for v in box)
        if ec >= 0 and sc < W and er >= 0 and sr < H:
            return box
    raise RuntimeError("no box")


def roi_case(i):
    three_d = i % 3 == 1
    several = i % 4 == 3
    H, W = rng.choice([1, 2, 3, 5, 6, 7, 8, 9]), rng.randint(3, 9)
    if rng.random() < 0.5:
        H, W = W, H
    C = 2 if three_d else 1
    x, xf = values((C, H, W) if three_d else (H, W), [Fraction(v) for v in range(-4, 10)])
    scale, scale_text = rng.choice(SCALES if i % 5 else ODD_SCALES)
    boxes = [roi_box(H, W, scale) for _ in range(rng.randint(2, 3) if several else 1)]
    ph, pw = rng.choice([(1, 1), (2, 2), (3, 2), (2, 3), (4, 4), (3, 3), (1, 3), (4, 1)])
    output_text = rng.choice([f"{ph}x{pw}", f"{ph},{pw}"]) if ph != pw else rng.choice([str(ph), f"{ph}x{pw}"])
    x4 = (x if three_d else x[None])[None].clone().requires_grad_(True)
    rois = torch.tensor([[0.0] + [float(v) for v in box] for box in boxes])
    y = roi_pool(x4, rois, (ph, pw), scale)
    sel = (lambda t: t) if three_d else (lambda t: t[0])
    args = ["roi", "--input", matrix_arg(x, xf)]
    for box in boxes:
        args += ["--box", rng.choice([",", ", ", " "]).join(spell(v) if rng.random() < 0.5 else repr(float(v)) for v in box)]
    args += ["--output", output_text]
    if scale_text != "1" or rng.random() < 0.3:
        args += ["--scale", scale_text]
    bins = [probe_bins(H, W, lambda maps: roi_pool(maps, torch.tensor([[float(n)] + [float(v) for v in box] for n in range(H * W)]), (ph, pw), scale))
            for box in boxes]
    if several:
        expect = {"output": [sel(y[b]).tolist() for b in range(len(boxes))]}
    else:
        g, _ = values(tuple(y.shape), [Fraction(v) for v in range(1, 4)])
        y.backward(g)
        args += ["--grad", grad_arg(sel(g[0]))]
        expect = {"output": sel(y[0]).tolist(), "gradInput": (x4.grad[0] if three_d else x4.grad[0, 0]).tolist()}
    if all(grid is not None for grid in bins):
        expect["bins"] = bins
    add("roi", args, expect)


for i in range(80):
    roi_case(i)


# ---- spp ----------------------------------------------------------------------------------------

def spp_case(i):
    kind = "max" if i % 2 == 0 else "avg"
    three_d = i % 3 == 1
    method = "sppnet" if i % 5 == 4 else "adaptive"
    H, W = rng.randint(1, 11), rng.randint(2, 11)
    if rng.random() < 0.5:
        H, W = W, H
    top = min(H, W)  # the CLI refuses levels larger than the map
    levels = sorted(rng.sample(range(1, top + 1), rng.randint(1, min(4, top))))
    if rng.random() < 0.3:
        levels = levels[::-1]
    if rng.random() < 0.1:
        levels = levels + levels[:1]  # a level twice: its bins twice in the vector
    x, xf = values((2, H, W) if three_d else (H, W), NICE if kind == "avg" else [Fraction(v) for v in range(-3, 10)])
    x4 = (x if three_d else x[None])[None]
    parts, level_expect = [], []
    for n in levels:
        if method == "adaptive":
            pooled = F.adaptive_max_pool2d(x4, n) if kind == "max" else F.adaptive_avg_pool2d(x4, n)
            bins = probe_bins(H, W, lambda maps: F.adaptive_max_pool2d(maps, n))
        else:  # SPP-net §2.3: window ceil(a/n), stride floor(a/n)
            win = (-(-H // n), -(-W // n))
            stride = (H // n, W // n)
            pooled = F.max_pool2d(x4, win, stride) if kind == "max" else F.avg_pool2d(x4, win, stride)
            bins = probe_bins(H, W, lambda maps: F.max_pool2d(maps, win, stride))
        parts.append(pooled.reshape(-1))
        level_expect.append({"n": n, "output": (pooled[0] if three_d else pooled[0, 0]).tolist(), "bins": bins})
    vector = torch.cat(parts)
    args = ["spp", "--input", matrix_arg(x, xf), "--levels", ",".join(map(str, levels))]
    if kind == "avg" or rng.random() < 0.3:
        args += ["--type", kind]
    if method != "adaptive" or rng.random() < 0.2:
        args += ["--method", method]
    add("spp", args, {"vector": vector.tolist(), "length": len(vector), "levels": level_expect})


for i in range(60):
    spp_case(i)


# ---- rf -----------------------------------------------------------------------------------------

def run_stack(layers, n):
    """1-D signal of n ones-kernels: the output, and autograd's view of which inputs unit c reads."""
    x = torch.zeros(1, 1, n, requires_grad=True)
    h = x
    for (t, k, s, p, d) in layers:
        if t == "conv":
            h = F.conv1d(h, torch.ones(1, 1, k), stride=s, padding=p, dilation=d)
        elif t == "tconv":
            h = F.conv_transpose1d(h, torch.ones(1, 1, k), stride=s, padding=p, dilation=d)
        else:  # avg so that every cell of the window gets gradient (max would pick one)
            h = F.avg_pool1d(h, k, s, p)
    return x, h


def empirical(layers, jump, r):
    """Receptive field and centre of the middle unit c on a signal long enough that no layer clips it:
    at least 9 output units and the field at least r + Σ p·j_in away from both ends (so that no
    intermediate unit it depends on lies in a padding)."""
    margin, j = r, 1
    for (t, k, s, p, d) in layers:
        margin += p * j
        j *= s
    for n in (301, 1201, 4801, 19201, 76801):
        x, h = run_stack(layers, n)
        if h.shape[-1] < 9:
            continue
        c = h.shape[-1] // 2
        h[0, 0, c].backward()
        nz = (x.grad[0, 0] != 0).nonzero().reshape(-1)
        lo, hi = int(nz.min()), int(nz.max())
        if lo >= margin and hi <= n - 1 - margin:
            return hi - lo + 1, Fraction(lo + hi, 2) - c * jump
    raise RuntimeError("field clipped")


def rf_case(i):
    for _ in range(1000):
        layers, spec = [], []
        for _ in range(rng.randint(1, 6)):
            roll = rng.random()
            if roll < 0.6:
                k, s, p, d = rng.choice([1, 2, 3, 3, 5, 7]), rng.choice([1, 1, 2, 3]), rng.choice([0, 0, 1, 2, 3]), rng.choice([1, 1, 2, 3])
                layers.append(("conv", k, s, p, d))
                spec.append(f"conv{k}" + (f"s{s}" if s != 1 or rng.random() < 0.1 else "") + (f"p{p}" if p or rng.random() < 0.1 else "")
                            + (f"d{d}" if d != 1 or rng.random() < 0.1 else ""))
            elif roll < 0.93:
                k = rng.choice([2, 2, 3, 3, 4, 5])
                s = rng.choice([k, k, 1, 2])
                p = rng.randint(0, k // 2)  # the CLI and torch refuse more than k//2
                layers.append(("pool", k, s, p, 1))
                spec.append(f"pool{k}" + (f"s{s}" if s != k or rng.random() < 0.2 else "") + (f"p{p}" if p else ""))
            else:
                k, p = rng.choice([(3, 1), (3, 0), (2, 0), (5, 2), (4, 1)])
                layers.append(("tconv", k, 1, p, 1))
                spec.append(f"tconv{k}" + (f"p{p}" if p else ""))
        r, j, start = 1, 1, Fraction(0)
        for (t, k, s, p, d) in layers:
            ke = d * (k - 1) + 1
            r += (ke - 1) * j
            start += (Fraction(p) - Fraction(ke - 1, 2)) * j if t == "tconv" else (Fraction(ke - 1, 2) - p) * j
            j *= s
        input_size = rng.choice([7, 16, 28, 32, 64, 100, 224, 227])
        try:
            _, h = run_stack(layers, input_size)
        except RuntimeError:  # torch: output too small
            continue
        if h.shape[-1] < 1:
            continue
        break
    field, centre = empirical(layers, j, r)
    assert field == r, (spec, field, r)
    assert centre == start, (spec, centre, start)
    args = ["rf", "--layers", ",".join(spec), "--input-size", str(input_size)]
    add("rf", args, {"receptiveField": r, "jump": j, "start": float(start), "outputSize": h.shape[-1]})


for i in range(50):
    rf_case(i)


def rf_tconv_case(i):
    """Stacks with a strided transposed convolution: no single receptive field exists (the CLI gives
    null), but the output size (torch's conv_transpose1d shape) and the jump (divided by the stride)
    do."""
    for _ in range(1000):
        layers, spec = [], []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.5:
                k, s, p, d = rng.choice([1, 3, 5]), rng.choice([1, 2]), rng.choice([0, 1]), rng.choice([1, 2])
                layers.append(("conv", k, s, p, d))
                spec.append(f"conv{k}s{s}p{p}d{d}")
            else:
                k, s, p, d = rng.choice([2, 3, 4]), rng.choice([2, 3]), rng.choice([0, 1]), rng.choice([1, 2])
                layers.append(("tconv", k, s, p, d))
                spec.append(f"tconv{k}s{s}" + (f"p{p}" if p else "") + (f"d{d}" if d != 1 else ""))
        if not any(t == "tconv" for (t, *_rest) in layers):
            continue
        input_size = rng.choice([5, 8, 13, 32])
        try:
            _, h = run_stack(layers, input_size)
        except RuntimeError:
            continue
        if h.shape[-1] >= 1:
            break
    j = Fraction(1)
    for (t, k, s, p, d) in layers:
        j = j / s if t == "tconv" else j * s
    add("rf", ["rf", "--layers", ",".join(spec), "--input-size", str(input_size)], {"jump": float(j), "outputSize": h.shape[-1]})


for i in range(10):
    rf_tconv_case(i)

json.dump(cases, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
