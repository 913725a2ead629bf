package dev.ganplayground.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.data.ShapesDataset;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.training.GanTrainer;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;

/**
 * The product's DCGAN training path for {@link DcganBench}: the {@code mnist-dcgan} preset (when GAN_MNIST_DIR is
 * set) or {@code shapes-dcgan} (the same network, batch and optimizers; the timing does not depend on the data),
 * resolved as the server resolves it, trained by {@link GanTrainer} in ticks of the preset's {@code itersPerTick}
 * steps, as a run's thread does (without frames and evaluations, which the server adds every few steps).
 */
final class ProductDcgan implements AutoCloseable {
    private final GanTrainer trainer;
    private final int stepsPerTick;

    ProductDcgan() {
        boolean mnist = System.getenv(ImageDatasets.MNIST_ENV) != null;
        RunConfig config = Presets.load().resolve(mnist ? "mnist-dcgan" : "shapes-dcgan",
                JsonNodeFactory.instance.objectNode());
        ImageDataset data = mnist ? ImageDatasets.fromEnvironment().load(ImageDatasets.MNIST, f -> { })
                : ShapesDataset.generate();
        trainer = new GanTrainer(config, new ImageSource(data));
        stepsPerTick = config.view().itersPerTick();
    }

    /** Trains {@code warmup} steps, then {@code steps} timed ones; returns the timed steps per second. */
    double run(int warmup, int steps) {
        train(warmup);
        long t0 = System.nanoTime();
        double sink = train(steps);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!Double.isFinite(sink)) {
            System.out.println("warning: non-finite loss");
        }
        return steps / seconds;
    }

    private double train(int steps) {
        double sink = 0;
        for (int done = 0; done < steps; done += stepsPerTick) {
            TickReport r = trainer.train(Math.min(stepsPerTick, steps - done), StepMode.BOTH);
            sink += r.means().get(MetricNames.LOSS_D);
        }
        return sink;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
