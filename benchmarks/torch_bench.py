"""The core's math against PyTorch autograd on the same network, in float64.

Times one forward pass plus every gradient (17 of them: kernel, head, input), and one
10,001-point loss curve in w11 (the core's one batched pass against torch in a Python loop and
torch batched), and checks that every value agrees to 1e-12 relative.

PyTorch is not a dependency of the app; without it this prints a message and exits 0.
Run: ``python benchmarks/torch_bench.py``. Targets: at least 10x faster per gradient,
identical values to 1e-12 relative.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.descent import loss_curve  # noqa: E402
from core.model import HEAD, INPUTS, KERNEL, forward, gradients  # noqa: E402
from core.scenario import default  # noqa: E402

REPEATS = 7
N = 10_001
LO, HI = -3.0, 3.0
TOL = 1e-12


def median_seconds(fn, number: int) -> float:
    fn()
    return statistics.median(timeit.repeat(fn, number=number, repeat=REPEATS)) / number


def rel(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)
    return float(np.max(np.abs(a - b) / scale))


def main() -> int:
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: skipped (pip install torch, for this comparison only)")
        return 0
    torch.set_num_threads(1)
    f = torch.nn.functional
    p = default().params

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
    err_grad = max(rel(o_grads[k], ref[k]) for k in ref)
    err_loss = rel(o_loss, t_loss.item())

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

    t_ours = median_seconds(ours, 2000)
    t_torch = median_seconds(torch_grads, 500)
    c_ours = median_seconds(ours_curve, 50)
    c_loop = median_seconds(torch_loop, 1)
    c_batch = median_seconds(torch_batched, 50)

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    print(
        f"| measure (float64, 1 thread, median of {REPEATS}) | app core "
        f"| PyTorch {torch.__version__}"
        " | speed-up | max relative difference |"
    )
    print("|---|---|---|---|---|")
    print(
        f"| forward + all 17 gradients | {t_ours * 1e6:.1f} us | {t_torch * 1e6:.1f} us "
        f"| {t_torch / t_ours:.1f}x {verdict(t_torch / t_ours >= 10)} "
        f"| {max(err_grad, err_loss):.1e} {verdict(max(err_grad, err_loss) <= TOL)} |"
    )
    print(
        f"| 10,001-point loss curve, torch in a loop | {c_ours * 1e3:.2f} ms "
        f"| {c_loop * 1e3:.1f} ms | {c_loop / c_ours:.0f}x "
        f"| {err_loop:.1e} {verdict(err_loop <= TOL)} |"
    )
    print(
        f"| 10,001-point loss curve, torch batched | {c_ours * 1e3:.2f} ms "
        f"| {c_batch * 1e3:.2f} ms | {c_batch / c_ours:.1f}x "
        f"| {err_batched:.1e} {verdict(err_batched <= TOL)} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
