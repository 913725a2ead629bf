package dev.ganplayground.web;

import dev.ganplayground.run.RunAddresses;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunFeedsTest {
    private static final String RUN = "r0123456789ab";
    private final Vertx vertx = Vertx.vertx();
    private final Context loop = vertx.getOrCreateContext();
    private final RunFeeds feeds = new RunFeeds(vertx);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One viewer: what it was sent. */
    private static final class Viewer {
        final List<String> texts = new ArrayList<>();
        final List<Buffer> frames = new ArrayList<>();
        Subscription sub;
    }

    private Viewer subscribe() throws Exception {
        Viewer v = new Viewer();
        v.sub = onLoop(() -> new Subscription(vertx, feeds, RUN, v.texts::add, v.frames::add, () -> false));
        onLoop(() -> v.sub.ready()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        onLoop(() -> {
            v.sub.live(0);
            return null;
        });
        return v;
    }

    private <T> T onLoop(Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        loop.runOnContext(x -> {
            try {
                done.complete(work.call());
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    /**
     * Waits (up to 10 s) until the condition holds on the loop, then makes one more round trip through the loop: a
     * publish queues its local deliveries on the consumers' loop before it returns, so once this task behind them
     * has run, any duplicate or stray delivery of what was published so far has run too (no grace sleep needed).
     */
    private void settle(java.util.function.BooleanSupplier delivered) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onLoop(delivered::getAsBoolean) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        onLoop(() -> null);
    }

    @Test
    @DisplayName("Viewers of one run share one feed: each message is delivered once and the same object reaches all")
    void sharesOneFeed() throws Exception {
        Viewer a = subscribe();
        Viewer b = subscribe();
        assertThat(onLoop(feeds::watchedRuns)).isEqualTo(1);

        // Published from a thread of its own, as a run's training thread does.
        Thread trainer = new Thread(() -> {
            vertx.eventBus().publish(RunAddresses.events(RUN), "1|{\"type\":\"metrics\",\"runId\":\"" + RUN + "\"}");
            vertx.eventBus().publish(RunAddresses.frames(RUN), Buffer.buffer(new byte[]{1, 2, 3, 4}));
        });
        trainer.start();
        trainer.join();
        settle(() -> a.frames.size() + b.frames.size() + a.texts.size() + b.texts.size() == 4);

        assertThat(a.texts).containsExactly("{\"type\":\"metrics\",\"runId\":\"" + RUN + "\"}");
        assertThat(b.texts).containsExactly(a.texts.get(0));
        assertThat(b.texts.get(0)).isSameAs(a.texts.get(0));
        assertThat(a.frames).hasSize(1);
        assertThat(b.frames).hasSize(1);
        assertThat(b.frames.get(0)).isSameAs(a.frames.get(0));
        assertThat(a.frames.get(0).getBytes()).containsExactly(1, 2, 3, 4);
    }

    @Test
    @DisplayName("A terminal state closes every subscription of the run and the last one out ends the feed")
    void terminalStateEndsTheFeed() throws Exception {
        Viewer a = subscribe();
        Viewer b = subscribe();
        vertx.eventBus().publish(RunAddresses.events(RUN),
                "7|{\"type\":\"state\",\"runId\":\"" + RUN + "\",\"payload\":{\"state\":\"stopped\",\"step\":5}}");
        settle(() -> a.texts.size() + b.texts.size() == 2);
        assertThat(a.texts).hasSize(1);
        assertThat(b.texts).hasSize(1);
        assertThat(a.sub.closed()).isTrue();
        assertThat(b.sub.closed()).isTrue();
        assertThat(onLoop(feeds::watchedRuns)).isZero();

        vertx.eventBus().publish(RunAddresses.events(RUN), "8|{\"type\":\"metrics\"}");
        settle(() -> true); // nothing to wait for: the round trip flushes a stray delivery
        assertThat(a.texts).hasSize(1); // nothing after the terminal state
    }

    @Test
    @DisplayName("Leaving keeps the feed for the others; events before a viewer's snapshot are not sent twice")
    void leavingAndHoldingBack() throws Exception {
        Viewer a = subscribe();
        Viewer late = new Viewer();
        late.sub = onLoop(() -> new Subscription(vertx, feeds, RUN, late.texts::add, late.frames::add, () -> false));
        onLoop(() -> late.sub.ready()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.eventBus().publish(RunAddresses.events(RUN), "3|{\"type\":\"metrics\",\"n\":3}");
        vertx.eventBus().publish(RunAddresses.events(RUN), "4|{\"type\":\"metrics\",\"n\":4}");
        settle(() -> a.texts.size() == 2);
        assertThat(late.texts).isEmpty(); // held back until its snapshot has gone out
        onLoop(() -> {
            late.sub.live(3); // the snapshot held events up to 3
            return null;
        });
        assertThat(late.texts).containsExactly("{\"type\":\"metrics\",\"n\":4}");

        onLoop(() -> {
            a.sub.close();
            return null;
        });
        assertThat(onLoop(feeds::watchedRuns)).isEqualTo(1);
        vertx.eventBus().publish(RunAddresses.events(RUN), "5|{\"type\":\"metrics\",\"n\":5}");
        settle(() -> late.texts.size() == 2);
        assertThat(a.texts).hasSize(2);
        assertThat(late.texts).hasSize(2);
    }
}
