package org.vigil.vloop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a {@link LoopbackSink} says about its pipe, once per change and never per frame: the daemon turns these into
 * its log lines and status; {@link #LOG} writes them as log lines itself. Called on the thread that fed the sink.
 */
public interface SinkListener {

    /** The pipe is open, at first or again after an outage ({@code droppedMeanwhile} frames lost in between). */
    void up(String sink, Path node, String producing, long attempts, long droppedMeanwhile);

    /** The pipe went down (or was not to be had at start); frames drop until it is open again. */
    void down(String sink, String reason, Duration nextTry, boolean unexpected);

    /** Still down, for another reason than last reported. */
    void stillDown(String sink, String reason, Duration nextTry);

    /** A write timed out: the driver took no frame within a frame period; frames drop until it takes them again. */
    void stalled(String sink, String reason);

    /** After a stall, frames go through again. */
    void resumed(String sink, Path node);

    /** The sink closed (viewers see the pipe end). */
    void closed(String sink, SinkCounters counters);

    /** Each report as one log line; the sink's name says whose pipe it is ("camera street: feed pipe"). */
    SinkListener LOG = new SinkListener() {
        private final Logger log = LoggerFactory.getLogger(LoopbackSink.class);

        @Override
        public void up(String sink, Path node, String producing, long attempts, long droppedMeanwhile) {
            if (attempts == 0) {
                log.info("{} up: {}", sink, producing);
            } else {
                log.info("{} up again after {} attempt{} ({} frame{} dropped meanwhile): {}", sink, attempts,
                        attempts == 1 ? "" : "s", droppedMeanwhile, droppedMeanwhile == 1 ? "" : "s", producing);
            }
        }

        @Override
        public void down(String sink, String reason, Duration nextTry, boolean unexpected) {
            if (unexpected) {
                log.error("{} failed unexpectedly ({}); frames drop, next try in {}", sink, reason, seconds(nextTry));
            } else {
                log.warn("{} down: {}; frames drop, next try in {}", sink, reason, seconds(nextTry));
            }
        }

        @Override
        public void stillDown(String sink, String reason, Duration nextTry) {
            log.warn("{} still down: {}; next try in {}", sink, reason, seconds(nextTry));
        }

        @Override
        public void stalled(String sink, String reason) {
            log.warn("{} stalled: {}; frames drop until it takes them again", sink, reason);
        }

        @Override
        public void resumed(String sink, Path node) {
            log.info("{}: {} takes frames again", sink, node);
        }

        @Override
        public void closed(String sink, SinkCounters counters) {
            log.info("{} closed after {} frames ({} dropped, {} outage{}, {} reopen attempt{})", sink,
                    counters.written(), counters.dropped(), counters.outages(), counters.outages() == 1 ? "" : "s",
                    counters.reopenAttempts(), counters.reopenAttempts() == 1 ? "" : "s");
        }
    };

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }
}
