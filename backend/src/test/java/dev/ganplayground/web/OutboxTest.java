package dev.ganplayground.web;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {
    /** A socket whose backlog the test controls. */
    static class FakeSink implements Outbox.Sink {
        boolean full;
        boolean closed;
        short closeCode;
        final List<String> texts = new ArrayList<>();
        final List<Buffer> frames = new ArrayList<>();

        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public boolean writeQueueFull() {
            return full;
        }

        @Override
        public void text(String message) {
            texts.add(message);
        }

        @Override
        public void binary(Buffer frame) {
            frames.add(frame);
        }

        @Override
        public void close(short code, String reason) {
            closed = true;
            closeCode = code;
        }
    }

    @Test
    @DisplayName("While backed up, text waits in order and is written on drain before any frame")
    void textWaitsInOrder() {
        FakeSink sink = new FakeSink();
        int[] frameFlushes = {0};
        Outbox box = new Outbox(sink, 1000, () -> frameFlushes[0]++);
        box.text("a");
        sink.full = true;
        box.text("b");
        box.text("c");
        assertThat(box.frameBlocked()).isTrue();
        sink.full = false;
        box.text("d"); // still behind b and c: order is kept
        assertThat(sink.texts).containsExactly("a");
        assertThat(box.frameBlocked()).isTrue();
        box.drained();
        assertThat(sink.texts).containsExactly("a", "b", "c", "d");
        assertThat(frameFlushes[0]).isEqualTo(1);
        assertThat(box.frameBlocked()).isFalse();
        assertThat(box.queuedChars()).isZero();
    }

    @Test
    @DisplayName("A drain that fills the socket again leaves the rest queued and frames blocked")
    void partialDrain() {
        FakeSink sink = new FakeSink() {
            @Override
            public void text(String message) {
                super.text(message);
                full = texts.size() >= 2; // the second write fills the buffer
            }
        };
        int[] frameFlushes = {0};
        Outbox box = new Outbox(sink, 1000, () -> frameFlushes[0]++);
        sink.full = true;
        box.text("x");
        box.text("y");
        box.text("z");
        sink.full = false;
        box.drained();
        assertThat(sink.texts).containsExactly("x", "y");
        assertThat(frameFlushes[0]).isZero();
        assertThat(box.queuedChars()).isEqualTo(1);
    }

    @Test
    @DisplayName("A stalled viewer is disconnected with 4000 once its queue passes the bound: memory stays bounded")
    void stalledViewerIsCut() {
        FakeSink sink = new FakeSink();
        Outbox box = new Outbox(sink, 100, () -> { });
        sink.full = true;
        for (int i = 0; i < 1000; i++) {
            box.text("0123456789");
            assertThat(box.queuedChars()).isLessThanOrEqualTo(110);
        }
        assertThat(sink.closed).isTrue();
        assertThat(sink.closeCode).isEqualTo(Outbox.SLOW_CONSUMER);
        assertThat(box.queuedChars()).isZero();
        assertThat(sink.texts).isEmpty();
    }

    @Test
    @DisplayName("Nothing is written to a closed socket, and a closed socket throws nothing")
    void closedSocket() {
        FakeSink sink = new FakeSink();
        Outbox box = new Outbox(sink, 100, () -> { });
        sink.closed = true;
        box.text("late");
        box.frame(Buffer.buffer("f"));
        box.drained();
        assertThat(box.frameBlocked()).isTrue();
        assertThat(sink.texts).isEmpty();
        assertThat(sink.frames).isEmpty();
    }
}
