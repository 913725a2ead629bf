"""PyTorch peer of backend/src/test/java/dev/ganplayground/bench/MlpBench.java: the ring8 preset's 2D MLP GAN with
the same work per step. D: Linear 2->128->128->128->1, G: Linear 2->128->128->128->2, ReLU between, PyTorch's
default Linear init (ours mimics it), batch 256 of ring8 reals (8 Gaussians on the unit circle, sigma 0.01) and
N(0, 1) z, non-saturating loss (BCE with logits), Adam lr 1e-3 betas (0.5, 0.999) on both nets, float32, one
thread. A step is `d_steps` D updates, each on fresh reals and fresh fakes, then one G update on fresh fakes.

Written the way a PyTorch user writes it (pytorch/examples' GAN loops): by default D is called on the reals and on
the detached fakes in two calls, and G's loss backward through D also computes D's weight gradients (the next D
update zeroes them). `cat` runs D once on [reals; fakes] instead, as ours does (the same maths: no batch norm).
Ours additionally skips D's weight gradients in the G update.

Usage: OMP_NUM_THREADS=1 /usr/bin/python3 bench/mlp_peer.py [d_steps=2] [warmup_s=3] [seconds=5] [cat]
Prints one line: "peer d_steps=... mode=... steps_per_s=... rss_peak_mib=...". Run by bench/mlp-vs-pytorch.sh.
"""
import math
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

from dcgan_peer import peak_rss_mib

BATCH, LATENT, HIDDEN, LR = 256, 2, 128, 1e-3


def mlp(n_in, n_out):
    return nn.Sequential(
        nn.Linear(n_in, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, n_out))


def main():
    d_steps = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    warmup = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
    concat = len(sys.argv) > 4 and sys.argv[4] == "cat"
    torch.set_num_threads(1)
    torch.manual_seed(42)
    g, d = mlp(LATENT, 2), mlp(2, 1)
    opt_g = torch.optim.Adam(g.parameters(), lr=LR, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=LR, betas=(0.5, 0.999))
    angles = torch.arange(8, dtype=torch.float32) * (2 * math.pi / 8)
    centres = torch.stack([torch.cos(angles), torch.sin(angles)], 1)
    ones = torch.ones(BATCH, 1)
    zeros = torch.zeros(BATCH, 1)
    labels = torch.cat([ones, zeros])

    def reals():
        return centres[torch.randint(8, (BATCH,))] + 0.01 * torch.randn(BATCH, 2)

    def d_update():
        with torch.no_grad():
            fake = g(torch.randn(BATCH, LATENT))
        opt_d.zero_grad(set_to_none=True)
        if concat:
            loss = 2 * F.binary_cross_entropy_with_logits(d(torch.cat([reals(), fake])), labels)
        else:
            loss = (F.binary_cross_entropy_with_logits(d(reals()), ones)
                    + F.binary_cross_entropy_with_logits(d(fake), zeros))
        loss.backward()
        opt_d.step()
        return loss.item()

    def g_update():
        opt_g.zero_grad(set_to_none=True)
        loss = F.binary_cross_entropy_with_logits(d(g(torch.randn(BATCH, LATENT))), ones)
        loss.backward()
        opt_g.step()
        return loss.item()

    def step():
        s = 0.0
        for _ in range(d_steps):
            s += d_update()
        return s + g_update()

    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        step()
    sink = 0.0
    n = 0
    t0 = time.perf_counter()
    c0 = time.thread_time()  # this thread's CPU time: the compute runs here at one thread
    end = t0 + seconds
    while time.perf_counter() < end:
        for _ in range(10):  # ticks of 10 steps, as ours
            sink += step()
        n += 10
    rate = n / (time.perf_counter() - t0)
    cpu_ms = 1000 * (time.thread_time() - c0) / n
    if not math.isfinite(sink):
        print("warning: non-finite loss", file=sys.stderr)
    print("peer d_steps=%d mode=%s steps_per_s=%.2f cpu_ms_per_step=%.3f rss_peak_mib=%.0f"
          % (d_steps, "cat" if concat else "two-calls", rate, cpu_ms, peak_rss_mib()), flush=True)


if __name__ == "__main__":
    main()
