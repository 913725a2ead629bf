package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Manual probe: trains the classifier on each available dataset and prints time and accuracy. */
@Tag("probe")
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
            ImageClassifier c = ImageClassifier.train(ds, null);
            long t2 = System.nanoTime();
            System.out.printf("PROBE %s: load %.2f s, train+measure %.2f s, test accuracy %.4f (%d test images)%n", id,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, c.testAccuracy(), ds.testCount());
        }
    }
}
