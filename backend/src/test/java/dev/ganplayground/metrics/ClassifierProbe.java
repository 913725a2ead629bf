package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Probe (not a test): trains the image classifier on each available dataset (GAN_MNIST_DIR, GAN_FASHION_DIR or the
 * Debian folder, shapes) and prints load time, training time and held-out accuracy.
 * <pre>
 * mvn -B -o -q test -pl backend -am -Dtest=ClassifierProbe -Dprobe=classifier -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dprobe.ids=mnist,fashion]
 * </pre>
 * Lines start with PROBE.
 */
@EnabledIfSystemProperty(named = "probe", matches = "classifier")
class ClassifierProbe {
    @Test
    void probe() {
        ImageDatasets reg = ImageDatasets.fromEnvironment();
        for (String id : System.getProperty("probe.ids", "shapes,mnist,fashion").split(",")) {
            if (!reg.info(id).available()) {
                System.out.println(id + ": unavailable");
                continue;
            }
            long t0 = System.nanoTime();
            ImageDataset ds = reg.load(id, null);
            long t1 = System.nanoTime();
            // Thread CPU time as well: wall time is unreliable when other processes share the cores.
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            ImageClassifier c = ImageClassifier.train(ds, null);
            long cpu1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            System.out.printf("PROBE %s: load %.2f s, train+measure %.2f s wall, %.2f s CPU, test accuracy %.4f"
                    + " (%d test images)%n", id, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (cpu1 - cpu0) / 1e9,
                    c.testAccuracy(), ds.testCount());
        }
    }
}
