#!/usr/bin/python3
"""Reference cases for the training step (`step`), per-layer parameter counts (`rf` with channels) and
`spp --shape`, computed with PyTorch 1.13 / torchvision 0.14 (float64).

Usage (from the project root):

    /usr/bin/python3 scripts/gen-torch-step-cases.py SEED > test/fixtures/torch-cases-round2.json

Deterministic for a seed (Python's `random.Random(SEED)`; torch only computes). Seed 1 made the
committed fixture; a summary of what it covers goes to stderr. Each case has the format of the other
torch fixtures: {"name", "args": [argv after `cnn-drill`], "expect": {json key: value}}, compared
within 1e-6. test/step.test.ts, test/layer-cost.test.ts and test/spp-shape.test.ts run every case
through the engine (the command runs them too once `step`, `rf --channels` and `spp --shape` are
wired). Takes about 35 s (VGG16 runs in float64); seed 1: step 176, rf 46, spp 20 cases.

- step: autograd on a float64 graph s = conv2d(a, w, b) → h = act(s) → y = pool(h) → loss, then
  `torch.optim.SGD([w, b], lr)` for one update. Every combination of activation (none, relu,
  sigmoid, tanh), pool (none; max and avg with pool stride 2, no overlap, and stride 1, overlapping;
  a few 3×3 windows with stride 2) and gradient source (no loss given = half-sse, half-sse, sse, mse,
  `--grad`, none: the forward pass only), over random conv geometry (stride, padding incl. same and
  valid, dilation; 2-D input with one filter or a bank, C×H×W input with one filter or a bank);
  plus cases made to have ties in max-pool windows and exact zeros in s (ReLU′(0) = 0).
  Expected keys are exactly those the contract promises for the arguments given.
- rf: stacks of conv/tconv/pool/fc tokens with channels and groups; `params` per layer and in total
  from `sum(p.numel())` of the equivalent torch modules (nn.Conv2d, nn.ConvTranspose2d, nn.MaxPool2d,
  nn.Linear after flatten), `outputShape` from running them on a 1×C×N×N input; torchvision's VGG16
  (138,357,544) and a 3×3 conv 64→128 on 56×56. MACs per layer are weight.numel() times the output
  positions (conv), the input positions (tconv: every input pixel meets every weight once) or
  weight.numel() (fc).
- spp --shape: `levels` (each n and its bins, observed by pooling one-hot maps with adaptive_max_pool2d
  or the paper's max_pool2d window) and `length` (the pooled outputs' numel over all levels) for maps
  such as 256×13×13 with levels 1,2,4 (5,376), both methods.
"""
import json
import random
import sys
from fractions import Fraction

import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore", message="Using padding=.same.")
if len(sys.argv) != 2:
    sys.exit("usage: gen-torch-step-cases.py SEED > test/fixtures/torch-cases-round2.json")
rng = random.Random(int(sys.argv[1]))

INTS = [Fraction(v) for v in range(-3, 4)]
SMALL = [Fraction(v) for v in range(-2, 3)]
HALVES = [Fraction(v, 2) for v in range(-3, 4)]
# Inputs for sigmoid and tanh stay small so that s stays within about ±8: distinct values of σ(s)
# and tanh(s) then differ far beyond float64 rounding, and max-pool choices cannot depend on it.
GENTLE = [Fraction(-1), Fraction(-1, 2), Fraction(0), Fraction(1, 2), Fraction(1)]


def values(shape, pool):
    count = 1
    for n in shape:
        count *= n
    fracs = [rng.choice(pool) for _ in range(count)]
    return torch.tensor([float(f) for f in fracs]).reshape(shape), fracs


def spell(f):
    f = Fraction(f)
    if f.denominator == 1:
        return str(f.numerator)
    if f.denominator in (2, 4, 8) and rng.random() < 0.5:
        return repr(float(f))
    return f"{f.numerator}/{f.denominator}"


def json_number(v):
    v = float(v)
    return int(v) if v.is_integer() else v


def json_tensor(t):
    def walk(x):
        return [walk(e) for e in x] if isinstance(x, list) else json_number(x)
    return json.dumps(walk(t.tolist()), separators=(",", ":"))


def matrix_arg(t):
    """2-D: text rows (`;` or new lines) with fractions, sometimes JSON; higher ranks: JSON."""
    if t.dim() == 2 and rng.random() < 0.8:
        fracs = [Fraction(v).limit_denominator(64) for v in t.reshape(-1).tolist()]
        assert all(float(f) == v for f, v in zip(fracs, t.reshape(-1).tolist()))
        sep = rng.choice([" ", ", ", ","])
        rows = rng.choice(["; ", ";", "\n"])
        w = t.shape[1]
        return rows.join(sep.join(spell(fracs[r * w + c]) for c in range(w)) for r in range(t.shape[0]))
    return json_tensor(t)


def pair(a, b):
    return str(a) if a == b else f"{a},{b}"


def conv_out(n, k, s, before, after, d):
    return (n + before + after - d * (k - 1) - 1) // s + 1


cases = []
stats = {"step": 0, "maxPoolTies": 0, "zerosInS": 0, "rf": 0}


def add(kind, args, expect):
    cases.append({"name": f"{kind}-r{len([c for c in cases if c['args'][0] == kind])}", "args": args, "expect": expect})
    stats[kind] += 1


def tolist(t):
    return t.detach().tolist()


# ---- step ---------------------------------------------------------------------------------------

ACTS = ["none", "relu", "sigmoid", "tanh"]
POOLS = [None, ("max", 2, 2), ("max", 2, 1), ("avg", 2, 2), ("avg", 2, 1)]
GRADS = ["default", "half-sse", "sse", "mse", "grad", "forward"]
LRS = ["0.1", "1/2", "0.01", "1", "0.25", "1/10", "2"]


def geometry(min_out):
    """Random conv geometry whose output is at least min_out × min_out."""
    for _ in range(10000):
        H, W = rng.randint(2, 6), rng.randint(2, 6)
        kh, kw = rng.choice([(1, 1), (2, 2), (2, 2), (3, 3), (2, 3), (3, 2), (1, 2)])
        style = rng.choice(["pair", "pair", "pair", "pair", "same", "valid"])
        dh, dw = rng.choice([(1, 1), (1, 1), (1, 1), (2, 2), (1, 2), (2, 1)])
        if style == "same":
            sh, sw = 1, 1
            th, tw = dh * (kh - 1), dw * (kw - 1)
            pad = (th // 2, th - th // 2, tw // 2, tw - tw // 2)
            padding_arg = "same"
        else:
            sh, sw = rng.choice([(1, 1), (1, 1), (2, 2), (2, 1), (1, 2)])
            if style == "valid":
                ph, pw = 0, 0
                padding_arg = "valid"
            else:
                ph, pw = rng.choice([(0, 0), (0, 0), (1, 1), (1, 0), (0, 1)])
                padding_arg = pair(ph, pw)
            pad = (ph, ph, pw, pw)
        oh = conv_out(H, kh, sh, pad[0], pad[1], dh)
        ow = conv_out(W, kw, sw, pad[2], pad[3], dw)
        if oh >= min_out and ow >= min_out and oh * ow <= 25:
            return dict(H=H, W=W, kh=kh, kw=kw, sh=sh, sw=sw, dh=dh, dw=dw, pad=pad, padding_arg=padding_arg, style=style)
    raise RuntimeError("no geometry")


def activate(act, s):
    return {"none": lambda v: v, "relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}[act](s)


def step_case(act, pool, source, variant, special=None):
    """One step case. variant: 0 2-D one filter, 1 2-D input + bank, 2 C×H×W one filter, 3 C×H×W bank.
    special: "ties" (few distinct values, all-ones kernel) or "zeros" (bias puts zeros in s)."""
    three_d = variant >= 2
    bank = variant in (1, 3)
    C = rng.choice([1, 2, 2]) if three_d else 1
    O = rng.choice([1, 2, 2]) if bank else 1
    pool_size = pool[1] if pool else 1
    g = geometry(pool_size)
    H, W, kh, kw = g["H"], g["W"], g["kh"], g["kw"]
    if special == "ties":
        x_pool, w_pool = [Fraction(0), Fraction(1)], [Fraction(1)]
    elif special == "zeros":
        x_pool, w_pool = INTS + HALVES, SMALL
    elif act in ("sigmoid", "tanh"):
        x_pool, w_pool = GENTLE, GENTLE
    else:
        x_pool, w_pool = rng.choice([(INTS, SMALL), (INTS + HALVES, SMALL), (INTS, HALVES)])
    x, _ = values((C, H, W) if three_d else (H, W), x_pool)
    kshape = ((O,) if bank else ()) + ((C,) if three_d else ()) + (kh, kw)
    w, _ = values(kshape, w_pool)
    b, bf = values((O,), GENTLE if act in ("sigmoid", "tanh") else SMALL)
    bias_given = rng.random() < 0.7

    x4 = (x if three_d else x[None])[None].clone().requires_grad_(True)
    w4 = w.reshape(O, C, kh, kw).clone().requires_grad_(True)
    conv_kwargs = dict(stride=1, padding="same", dilation=(g["dh"], g["dw"])) if g["style"] == "same" else \
        dict(stride=(g["sh"], g["sw"]), padding=(g["pad"][0], g["pad"][2]), dilation=(g["dh"], g["dw"]))
    if special == "zeros":
        # A bias that makes one cell of each filter's s exactly zero (dyadic values: exact in float64).
        with torch.no_grad():
            plain = F.conv2d(x4, w4, None, **conv_kwargs)[0]
        cell = (rng.randrange(plain.shape[1]), rng.randrange(plain.shape[2]))
        bf = [Fraction(-plain[o, cell[0], cell[1]].item()) for o in range(O)]
        b = torch.tensor([float(f) for f in bf])
        bias_given = True
    b1 = (b if bias_given else torch.zeros(O)).clone().requires_grad_(True)

    s = F.conv2d(x4, w4, b1, **conv_kwargs)
    s.retain_grad()
    h = activate(act, s)
    if h is not s:
        h.retain_grad()
    if pool is None:
        y = h
    else:
        kind, size, stride = pool
        y = (F.max_pool2d if kind == "max" else F.avg_pool2d)(h, size, stride)
        y.retain_grad()
        if kind == "max":
            windows = h.unfold(2, size, stride).unfold(3, size, stride)  # 1×O×OH×OW×k×k
            flat = windows.reshape(*windows.shape[:4], -1)
            stats["maxPoolTies"] += int(((flat == flat.max(dim=-1, keepdim=True).values).sum(-1) > 1).any())
    stats["zerosInS"] += int((s == 0).any())

    def squeeze(t):
        return t[0] if bank else t[0, 0]

    args = ["step", "--input", matrix_arg(x), "--kernel", json_tensor(w) if w.dim() > 2 else matrix_arg(w)]
    if bias_given:
        args += ["--bias", ",".join(spell(f) for f in bf) if bank and rng.random() < 0.6 else
                 (json.dumps([json_number(float(f)) for f in bf]) if bank else spell(bf[0]))]
    if (g["sh"], g["sw"]) != (1, 1):
        args += ["--stride", pair(g["sh"], g["sw"])]
    if g["padding_arg"] != "0" or rng.random() < 0.2:
        args += ["--padding", g["padding_arg"]]
    if (g["dh"], g["dw"]) != (1, 1):
        args += ["--dilation", pair(g["dh"], g["dw"])]
    if act != "none" or rng.random() < 0.2:
        args += ["--act", act]
    if pool is not None:
        args += ["--pool", pool[0]]
        if pool[1] != 2 or rng.random() < 0.5:
            args += ["--pool-size", str(pool[1])]
        if pool[2] != pool[1] or rng.random() < 0.3:
            args += ["--pool-stride", str(pool[2])]

    expect = {"preActivation": tolist(squeeze(s)), "activation": tolist(squeeze(h)), "output": tolist(squeeze(y))}
    if source == "forward":
        add("step", args, expect)
        return
    if source == "grad":
        gy, _ = values(tuple(y.shape), SMALL + [Fraction(1, 2)])
        y.backward(gy)
        args += ["--grad", matrix_arg(squeeze(gy))]
    else:
        t, _ = values(tuple(y.shape), INTS + HALVES)
        loss_kind = "half-sse" if source == "default" else source
        if loss_kind == "half-sse":
            loss = 0.5 * ((y - t) ** 2).sum()
        elif loss_kind == "sse":
            loss = ((y - t) ** 2).sum()
        else:
            loss = F.mse_loss(y, t)
        loss.backward()
        args += ["--target", matrix_arg(squeeze(t))]
        if source != "default":
            args += ["--loss", loss_kind]
        expect["loss"] = loss.item()
    expect.update({
        "gradOutput": tolist(squeeze(y.grad)),
        "gradActivation": tolist(squeeze(h.grad)),
        "gradPreActivation": tolist(squeeze(s.grad)),
        "gradInput": tolist(x4.grad[0] if three_d else x4.grad[0, 0]),
        "gradKernel": tolist(w4.grad.reshape(kshape)),
        "gradBias": tolist(b1.grad) if bank else b1.grad[0].item(),
    })
    if rng.random() < 0.75:
        lr_text = rng.choice(LRS)
        optimizer = torch.optim.SGD([w4, b1], lr=float(Fraction(lr_text)))
        optimizer.step()
        args += ["--lr", lr_text]
        expect["updatedKernel"] = tolist(w4.reshape(kshape))
        expect["updatedBias"] = tolist(b1) if bank else b1[0].item()
    add("step", args, expect)


index = 0
for act in ACTS:
    for pool in POOLS:
        for source in GRADS:
            step_case(act, pool, source, index % 4)
            index += 1
for i in range(8):
    step_case(ACTS[i % 4], ("max", 3, 2), GRADS[i % 6], i % 4)  # 3×3 windows, stride 2: overlap by one
for i in range(24):
    step_case(["none", "relu"][i % 2], ("max", 2, 1 + (i // 2) % 2), ["half-sse", "grad", "mse"][i % 3], i % 4, "ties")
for i in range(24):
    step_case(["relu", "relu", "none", "sigmoid", "tanh"][i % 5], POOLS[i % 5], ["grad", "half-sse", "sse"][i % 3], i % 4, "zeros")


# ---- rf: parameters and output shapes of layer stacks -------------------------------------------

def module_for(token, channels, n):
    """The torch module of one token, its output channels, and whether it is fully connected."""
    import re
    head = re.match(r"^(tconv|conv|pool|fc)(\d+)(.*)$", token)
    kind, k, rest = head.group(1), int(head.group(2)), head.group(3)
    opts = {m.group(1): int(m.group(2)) for m in re.finditer(r"([spdocg])(\d+)", rest)}
    if kind == "fc":
        return nn.Sequential(nn.Flatten(), nn.Linear(channels * n * n, k)), k, True
    if kind == "pool":
        return nn.MaxPool2d(k, opts.get("s", k), opts.get("p", 0)), channels, False
    out = opts.get("c", channels)
    common = dict(stride=opts.get("s", 1), padding=opts.get("p", 0), dilation=opts.get("d", 1), groups=opts.get("g", 1))
    if kind == "conv":
        return nn.Conv2d(channels, out, k, **common), out, False
    return nn.ConvTranspose2d(channels, out, k, output_padding=opts.get("o", 0), **common), out, False


def rf_case(tokens, channels, n, bias=True, with_size=True):
    x = torch.zeros(1, channels, n, n)
    layers = []
    c = channels
    for token in tokens:
        module, c_out, is_fc = module_for(token, c, x.shape[-1])
        if not bias:
            for m in module.modules():
                if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
                    m.bias = None
        with torch.no_grad():
            y = module(x)
        params = sum(p.numel() for p in module.parameters())
        weight = [m for m in module.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear))]
        if not weight:
            macs = 0
        elif isinstance(weight[0], nn.Linear):
            macs = weight[0].weight.numel()
        elif isinstance(weight[0], nn.ConvTranspose2d):
            macs = weight[0].weight.numel() * x.shape[-2] * x.shape[-1]
        else:
            macs = weight[0].weight.numel() * y.shape[-2] * y.shape[-1]
        shape = [y.shape[1], 1, 1] if is_fc else list(y.shape[1:])
        layers.append({"channels": c_out, "outputShape": shape, "params": params, "macs": macs})
        x = y.reshape(1, -1, 1, 1) if is_fc else y
        c = c_out
    args = ["rf", "--layers", ",".join(tokens), "--channels", str(channels)]
    if with_size:
        args += ["--input-size", str(n)]
    if not bias:
        args += ["--no-bias"]
    expect = {"params": sum(layer["params"] for layer in layers),
              "layers": [{"channels": layer["channels"], "params": layer["params"]} for layer in layers]}
    if with_size:
        expect["macs"] = sum(layer["macs"] for layer in layers)
        expect["layers"] = layers
    add("rf", args, expect)


VGG16 = ("conv3c64p1,conv3c64p1,pool2,conv3c128p1,conv3c128p1,pool2,conv3c256p1,conv3c256p1,conv3c256p1,pool2,"
         "conv3c512p1,conv3c512p1,conv3c512p1,pool2,conv3c512p1,conv3c512p1,conv3c512p1,pool2,fc4096,fc4096,fc1000").split(",")
rf_case(VGG16, 3, 224)
rf_case(["conv3c128p1"], 64, 56)
rf_case(["conv3c128p1"], 64, 56, with_size=False)
rf_case(["conv3c64g64p1", "conv1c128"], 64, 56)  # depthwise-separable
rf_case(["conv3c128p1"], 64, 56, bias=False)
rf_case(["conv3c64g64p1", "conv1c128"], 64, 56, bias=False)
try:
    import torchvision
    vgg = torchvision.models.vgg16()
    assert sum(p.numel() for p in vgg.parameters()) == 138357544 == cases[-6]["expect"]["params"], "VGG16 count"
except ImportError:
    print("torchvision missing: the VGG16 count is not cross-checked", file=sys.stderr)

for i in range(40):
    channels = rng.choice([1, 2, 3, 4, 6, 8])
    n = rng.choice([5, 6, 7, 8, 9, 12, 16])
    tokens = []
    c = channels
    size = n
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["conv", "conv", "conv", "tconv", "pool"])
        if kind == "pool":
            k = rng.choice([2, 3])
            if size < k:
                continue
            tokens.append(f"pool{k}" + rng.choice(["", f"s{rng.choice([1, 2])}"]))
            size = (size - k) // int(tokens[-1].split("s")[1] if "s" in tokens[-1][4:] else k) + 1
            continue
        k = rng.choice([1, 2, 3])
        groups = rng.choice([g for g in (1, 1, 2, 3, 4) if c % g == 0])
        out = groups * rng.choice([1, 2, 3])
        token = f"{kind}{k}c{out}" + (f"g{groups}" if groups > 1 or rng.random() < 0.2 else "")
        stride = rng.choice([1, 1, 2])
        pad = rng.choice([0, 1]) if k > 1 else 0
        token += (f"s{stride}" if stride > 1 else "") + (f"p{pad}" if pad else "")
        new_size = conv_out(size, k, stride, pad, pad, 1) if kind == "conv" else (size - 1) * stride - 2 * pad + k
        if new_size < 1 or new_size > 40:
            continue
        tokens.append(token)
        c, size = out, new_size
    if not tokens:
        tokens = ["conv3c4"]
    if rng.random() < 0.4:
        tokens.append(f"fc{rng.choice([2, 5, 10])}")
    has_fc = tokens[-1].startswith("fc")
    rf_case(tokens, channels, n, bias=rng.random() < 0.8, with_size=has_fc or rng.random() < 0.75)


# ---- spp --shape: bins and length from the shape alone --------------------------------------------

def probe_bins(H, W, pool):
    """The PH×PW grid of {"rows": [start, end), "cols": [start, end)} that `pool` reads, observed by
    pooling the H·W one-hot maps (as scripts/gen-torch-cases.py does)."""
    out = pool(torch.eye(H * W).reshape(H * W, 1, H, W))
    grid = []
    for i in range(out.shape[2]):
        row = []
        for j in range(out.shape[3]):
            cells = (out[:, 0, i, j] == 1).nonzero().reshape(-1).tolist()
            rs, cs = [c // W for c in cells], [c % W for c in cells]
            rows, cols = [min(rs), max(rs) + 1], [min(cs), max(cs) + 1]
            assert (rows[1] - rows[0]) * (cols[1] - cols[0]) == len(cells), "a bin is not a rectangle"
            row.append({"rows": rows, "cols": cols})
        grid.append(row)
    return grid


def spp_shape_case(shape, levels, method):
    C, H, W = shape if len(shape) == 3 else (1, *shape)
    length = 0
    level_expect = []
    for n in levels:
        if method == "adaptive":
            def pool(maps):
                return F.adaptive_max_pool2d(maps, n)
        else:  # SPP-net §2.3: window ceil(a/n), stride floor(a/n)
            def pool(maps):
                return F.max_pool2d(maps, (-(-H // n), -(-W // n)), (H // n, W // n))
        length += pool(torch.zeros(1, C, H, W)).numel()
        level_expect.append({"n": n, "bins": probe_bins(H, W, pool)})
    args = ["spp", "--shape", ",".join(map(str, shape)), "--levels", ",".join(map(str, levels))]
    if method != "adaptive" or rng.random() < 0.3:
        args += ["--method", method]
    cases.append({"name": f"spp-shape-r{stats['sppShape']}", "args": args, "expect": {"levels": level_expect, "length": length}})
    stats["sppShape"] += 1


stats["sppShape"] = 0
spp_shape_case((256, 13, 13), [1, 2, 4], "adaptive")
spp_shape_case((256, 13, 13), [3, 2, 1], "sppnet")
spp_shape_case((2, 7, 7), [4], "sppnet")
for i in range(17):
    shape = (rng.randint(1, 4), rng.randint(1, 10), rng.randint(1, 10))
    if i % 4 == 0:
        shape = shape[1:]
    top = min(shape[-2:])
    levels = sorted(rng.sample(range(1, top + 1), rng.randint(1, min(3, top))))
    spp_shape_case(shape, levels, "sppnet" if i % 2 else "adaptive")

print(json.dumps(stats), file=sys.stderr)
json.dump(cases, sys.stdout, separators=(",", ":"))
sys.stdout.write("\n")
