"""The core's math against PyTorch autograd on the same network, in float64.

Times one forward pass plus every gradient (17 of them: kernel, head, input), and one
10,001-point loss curve in w11 (the core's one batched pass against torch in a Python loop and
torch batched), and checks that every value agrees to 1e-12 relative.

As measures: ``gradients_vs_torch`` is the core's forward pass and gradients against torch
autograd's (forward, then ``torch.autograd.grad``); ``loss_curve_vs_torch`` is the core's
10,001-point loss curve against torch's batched one (one conv2d over 10,001 kernels). Both
timed in the same process, medians of repeats; the loop version is reported beside them.

PyTorch is not a dependency of the app; without it the measures are reported as skipped.
Run: ``python benchmarks/torch_bench.py [--json] [--quick]``. Goals: gradients at least 10x
faster than torch autograd (ratio <= 0.1), the loss curve faster than torch batched (ratio
< 1), identical values to 1e-12 relative.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

import measure
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.descent import loss_curve  # noqa: E402
from core.model import HEAD, INPUTS, KERNEL, forward, gradients  # noqa: E402
from core.scenario import default  # noqa: E402

REPEATS = 7
N = 10_001
LO, HI = -3.0, 3.0
TOL = 1e-12


def median_seconds(fn, number: int, repeats: int = REPEATS) -> float:
    fn()
    return statistics.median(timeit.repeat(fn, number=number, repeat=repeats)) / number


def rel(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)
    return float(np.max(np.abs(a - b) / scale))


GRADS_IS = "PyTorch {v} autograd: forward, then torch.autograd.grad of the loss (float64, 1 thread)"
CURVE_IS = "PyTorch {v} batched: one conv2d over 10,001 kernels (float64, 1 thread, no grad)"


def measure_torch(quick: bool) -> dict:
    try:
        import torch
    except ImportError:
        why = "PyTorch is not installed (pip install torch, for this comparison only)"
        return {
            "gradients_vs_torch": measure.skipped("us", GRADS_IS.format(v="-"), why),
            "loss_curve_vs_torch": measure.skipped("ms", CURVE_IS.format(v="-"), why),
        }
    torch.set_num_threads(1)
    f = torch.nn.functional
    p = default().params
    repeats = 3 if quick else REPEATS
    scale = 4 if quick else 1

    def torch_loss(a, w, head, yy):
        z = f.conv2d(a.view(1, 1, 3, 3), w.view(1, 1, 2, 2)).reshape(4)
        return (yy - (head * torch.sigmoid(z)).sum()) ** 2

    a = torch.tensor(p.a, dtype=torch.float64, requires_grad=True)
    w = torch.tensor(p.w, dtype=torch.float64, requires_grad=True)
    head = torch.tensor(p.head, dtype=torch.float64, requires_grad=True)
    yy = torch.tensor(p.yy, dtype=torch.float64)

    def torch_grads():
        loss = torch_loss(a, w, head, yy)
        return loss, torch.autograd.grad(loss, (a, w, head))

    def ours():
        fwd = forward(p)
        return fwd.loss, gradients(p, fwd)

    t_loss, (ga, gw, gh) = torch_grads()
    o_loss, o_grads = ours()
    ref = dict(zip(KERNEL, gw.reshape(4).tolist()))
    ref.update(zip(HEAD, gh.tolist()))
    ref.update(zip(INPUTS, ga.reshape(9).tolist()))
    err_grad = max(max(rel(o_grads[k], ref[k]) for k in ref), rel(o_loss, t_loss.item()))

    xs = np.linspace(LO, HI, N)
    a0, head0 = a.detach(), head.detach()

    def torch_loop():
        out = np.empty(N)
        with torch.no_grad():
            for i, x in enumerate(xs.tolist()):
                wk = torch.tensor([[x, p.w[0, 1]], [p.w[1, 0], p.w[1, 1]]], dtype=torch.float64)
                out[i] = torch_loss(a0, wk, head0, yy).item()
        return out

    def torch_batched():
        with torch.no_grad():
            wk = torch.tensor(p.w, dtype=torch.float64).repeat(N, 1, 1, 1)
            wk[:, 0, 0, 0] = torch.from_numpy(xs)
            z = f.conv2d(a0.view(1, 1, 3, 3), wk).reshape(N, 4)
            return ((yy - (head0 * torch.sigmoid(z)).sum(dim=1)) ** 2).numpy()

    def ours_curve():
        return loss_curve(p, "w11", LO, HI, N)[1]

    curve = ours_curve()
    err_loop = rel(curve, torch_loop())
    err_batched = rel(curve, torch_batched())

    # alternated, so that a slow moment of a shared machine hits both alike
    t_ours, t_torch, c_ours, c_batch = [], [], [], []
    for _ in range(repeats):
        t_ours.append(median_seconds(ours, 2000 // scale, 1))
        t_torch.append(median_seconds(torch_grads, 500 // scale, 1))
        c_ours.append(median_seconds(ours_curve, 50 // scale, 1))
        c_batch.append(median_seconds(torch_batched, 50 // scale, 1))
    c_loop = median_seconds(torch_loop, 1, 1 if quick else 3)
    v = torch.__version__
    return {
        "gradients_vs_torch": measure.entry(
            measure.median(t_ours) * 1e6,
            measure.median(t_torch) * 1e6,
            "us",
            GRADS_IS.format(v=v),
            what="the core's forward pass and all 17 gradients",
            max_rel_diff=err_grad,
            repeats=repeats,
        ),
        "loss_curve_vs_torch": measure.entry(
            measure.median(c_ours) * 1e3,
            measure.median(c_batch) * 1e3,
            "ms",
            CURVE_IS.format(v=v),
            what="the core's 10,001-point loss curve in w11",
            max_rel_diff=max(err_loop, err_batched),
            torch_loop_ms=c_loop * 1e3,
            repeats=repeats,
        ),
    }


def main() -> int:
    a = measure.parser(__doc__).parse_args()
    r = measure_torch(a.quick)
    g, c = r["gradients_vs_torch"], r["loss_curve_vs_torch"]
    if g["value"] is None:
        table = g["skipped"]
    else:
        table = "\n".join(
            [
                "| measure (float64, 1 thread) | app core | PyTorch | ratio | goal "
                "| max relative difference |",
                "|---|---|---|---|---|---|",
                f"| forward + all 17 gradients vs autograd | {g['value']:.1f} us "
                f"| {g['floor']:.1f} us | {g['ratio']:.2f}x | <= 0.1x | {g['max_rel_diff']:.1e} |",
                f"| 10,001-point loss curve vs torch batched | {c['value']:.2f} ms "
                f"| {c['floor']:.2f} ms | {c['ratio']:.2f}x | < 1x | {c['max_rel_diff']:.1e} |",
                f"| 10,001-point loss curve vs torch in a loop | {c['value']:.2f} ms "
                f"| {c['torch_loop_ms']:.1f} ms | {c['value'] / c['torch_loop_ms']:.3f}x | | |",
            ]
        )
    measure.emit(r, a.json, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
