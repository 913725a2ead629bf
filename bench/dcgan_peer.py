"""PyTorch peer of backend/src/test/java/dev/ganplayground/bench/DcganBench.java: the same DCGAN, batch,
optimizer, loss and float32, trained the way a PyTorch user writes it (pytorch/examples' dcgan loop: D on reals
and on detached fakes in two calls, so BatchNorm sees each half alone; G's loss backward through D also computes
D's weight gradients, which the next D step zeroes).

Usage: /usr/bin/python3 bench/dcgan_peer.py [warmup_steps] [timed_steps]
Threads: torch.set_num_threads(OMP_NUM_THREADS, default 2). Debian's OpenBLAS (pthread build) takes its pool size
from OPENBLAS_NUM_THREADS, else OMP_NUM_THREADS.
Prints one line: "peer steps_per_s=... rss_peak_mib=...". Reals are uniform [-1, 1] noise, or MNIST when
GAN_MNIST_DIR is set (the timing does not depend on it). Run by bench/dcgan-vs-pytorch.sh.
"""
import gzip
import os
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

BATCH, LATENT, BASE, SIDE, LR = 64, 64, 64, 28, 2e-4


def generator():
    wide = 2 * BASE
    return nn.Sequential(
        nn.Linear(LATENT, wide * 7 * 7),
        nn.Unflatten(1, (wide, 7, 7)),
        nn.BatchNorm2d(wide), nn.ReLU(),
        nn.ConvTranspose2d(wide, BASE, 4, 2, 1),
        nn.BatchNorm2d(BASE), nn.ReLU(),
        nn.ConvTranspose2d(BASE, 1, 4, 2, 1),
        nn.Tanh())


def discriminator():
    return nn.Sequential(
        nn.Conv2d(1, BASE, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(BASE, 2 * BASE, 4, 2, 1),
        nn.BatchNorm2d(2 * BASE), nn.LeakyReLU(0.2),
        nn.Flatten(),
        nn.Linear(2 * BASE * 7 * 7, 1))


def dcgan_init(m):
    """N(0, 0.02) weights and zero biases; BatchNorm gamma N(1, 0.02), beta 0 (as in the Java builders)."""
    if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.normal_(m.weight, 0.0, 0.02)
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)


def load_mnist():
    d = os.environ.get("GAN_MNIST_DIR")
    if not d:
        return None
    with gzip.open(os.path.join(d, "images-idx3-ubyte.gz"), "rb") as f:
        raw = f.read()
    n, rows, cols = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    images = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(n, 1, rows, cols)
    return torch.from_numpy(images.astype(np.float32) / 127.5 - 1.0)


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return -1.0


def main():
    warmup = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    torch.manual_seed(42)
    g, d = generator(), discriminator()
    g.apply(dcgan_init)
    d.apply(dcgan_init)
    opt_g = torch.optim.Adam(g.parameters(), lr=LR, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=LR, betas=(0.5, 0.999))
    mnist = load_mnist()
    ones = torch.ones(BATCH, 1)
    zeros = torch.zeros(BATCH, 1)

    def step():
        if mnist is None:
            real = torch.rand(BATCH, 1, SIDE, SIDE) * 2 - 1
        else:
            real = mnist[torch.randint(len(mnist), (BATCH,))]
        # D: reals, then fresh fakes (no graph through G), non-saturating logistic loss.
        with torch.no_grad():
            fake = g(torch.randn(BATCH, LATENT))
        opt_d.zero_grad(set_to_none=True)
        loss_d = (F.binary_cross_entropy_with_logits(d(real), ones)
                  + F.binary_cross_entropy_with_logits(d(fake), zeros))
        loss_d.backward()
        opt_d.step()
        # G: fresh fakes, gradients through D.
        opt_g.zero_grad(set_to_none=True)
        loss_g = F.binary_cross_entropy_with_logits(d(g(torch.randn(BATCH, LATENT))), ones)
        loss_g.backward()
        opt_g.step()
        return loss_d.item() + loss_g.item()

    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    rate = steps / (time.perf_counter() - t0)
    print("peer steps_per_s=%.3f rss_peak_mib=%.0f" % (rate, peak_rss_mib()), flush=True)


if __name__ == "__main__":
    main()
