package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Probe (not a test): times {@link Pca#fit} on the MNIST images (GAN_MNIST_DIR), 3 times, for k = 50, after a
 * tiny fit that loads ND4J's natives and LAPACK (seconds, once per JVM, not counted).
 * <pre>
 * GAN_MNIST_DIR=... mvn -B -o -q test -pl backend -am -Dtest=PcaProbe -Dprobe=pca -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dprobe.n=10000]
 * </pre>
 * Lines start with PROBE.
 */
@EnabledIfSystemProperty(named = "probe", matches = "pca")
class PcaProbe {
    @Test
    void probe() {
        ImageDataset ds = TrainedClassifiers.mnistData();
        int n = Math.min(Integer.getInteger("probe.n", 10_000), ds.size());
        float[] x = TrainedClassifiers.images(ds, 0, n);
        Pca.fit(new float[] {0, 1, 1, 0, 2, 2}, 3, 2, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            Pca pca = Pca.fit(x, n, ds.imageSize(), 50);
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            // CPU time of this thread: OpenBLAS and LAPACK run on it (one BLAS thread), so it is the work itself,
            // whatever else the machine is doing.
            System.out.printf("PROBE pca n=%d d=%d k=50 fit %.0f ms wall, %.0f ms cpu; explained(50)=%.4f"
                    + " optimalMse(2)=%.4f optimalMse(50)=%.4f%n", n, ds.imageSize(), (t1 - t0) / 1e6,
                    (c1 - c0) / 1e6, pca.explainedVariance(50),
                    pca.optimalMse(2), pca.optimalMse(50));
        }
    }
}
