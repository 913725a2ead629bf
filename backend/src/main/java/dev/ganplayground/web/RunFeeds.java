package dev.ganplayground.web;

import dev.ganplayground.run.RunAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One pair of event-bus consumers per watched run for all of this verticle's sockets, fanning each event and frame
 * out to the run's {@link Subscription}s. Vert.x delivers a published message to every local consumer on the
 * publisher's thread, copying a Buffer body for each: with one consumer per socket, 50 viewers made the run's
 * training thread copy every frame 50 times (~1.2 MB of garbage per frame) and queue 50 tasks per message
 * (docs/benchmarks.md, "Performance"). Here the training thread hands over each message once; the event loop
 * parses an event's number and terminal state once and hands every socket the same String and Buffer.
 * Confined to the verticle's event loop.
 */
final class RunFeeds {
    private final Vertx vertx;
    private final Map<String, Feed> feeds = new HashMap<>();

    RunFeeds(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Adds a subscription to its run's feed (registering the consumers for the first); completes once they are. */
    Future<?> join(Subscription sub) {
        Feed feed = feeds.computeIfAbsent(sub.runId(), Feed::new);
        feed.add(sub);
        return feed.ready;
    }

    /** Removes a subscription; the last one out unregisters the run's consumers. */
    void leave(Subscription sub) {
        Feed feed = feeds.get(sub.runId());
        if (feed != null && feed.remove(sub)) {
            feeds.remove(sub.runId());
            feed.events.unregister();
            feed.frames.unregister();
        }
    }

    /** Runs with at least one subscription here (tests). */
    int watchedRuns() {
        return feeds.size();
    }

    /** A text event of a run, parsed once for all its viewers. */
    record Event(long eventNo, String envelope, boolean terminal) {
        /** Bodies are "eventNo|envelope" (see the run side's publisher). */
        static Event parse(String body) {
            int bar = body.indexOf('|');
            String envelope = body.substring(bar + 1);
            return new Event(Long.parseLong(body, 0, bar, 10), envelope,
                    envelope.startsWith("{\"type\":\"state\"") && terminalState(new JsonObject(envelope)));
        }

        private static boolean terminalState(JsonObject state) {
            String s = state.getJsonObject("payload").getString("state");
            return "stopped".equals(s) || "failed".equals(s);
        }
    }

    private final class Feed {
        final MessageConsumer<String> events;
        final MessageConsumer<Buffer> frames;
        final Future<?> ready;
        /** Copy-on-write: delivering (which may close a subscription) iterates a stable array, allocating nothing. */
        private Subscription[] subs = new Subscription[0];

        Feed(String runId) {
            events = vertx.eventBus().consumer(RunAddresses.events(runId), m -> {
                Event e = Event.parse(m.body());
                for (Subscription s : subs) {
                    s.onEvent(e);
                }
            });
            frames = vertx.eventBus().consumer(RunAddresses.frames(runId), m -> {
                Buffer frame = m.body();
                for (Subscription s : subs) {
                    s.offerFrame(frame);
                }
            });
            ready = Future.all(events.completion(), frames.completion());
        }

        void add(Subscription sub) {
            subs = Arrays.copyOf(subs, subs.length + 1);
            subs[subs.length - 1] = sub;
        }

        /** True when the feed is left empty. */
        boolean remove(Subscription sub) {
            int i = Arrays.asList(subs).indexOf(sub);
            if (i >= 0) {
                Subscription[] next = new Subscription[subs.length - 1];
                System.arraycopy(subs, 0, next, 0, i);
                System.arraycopy(subs, i + 1, next, i, subs.length - i - 1);
                subs = next;
            }
            return subs.length == 0;
        }
    }
}
