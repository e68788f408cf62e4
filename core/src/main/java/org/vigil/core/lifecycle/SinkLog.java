package org.vigil.core.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.vloop.SinkCounters;
import org.vigil.vloop.SinkListener;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The daemon's lines about its pipes: up (with what it writes), down, stalled, back; a sink's name says whose pipe it
 * is ("camera street: feed pipe"). Never per frame.
 */
final class SinkLog implements SinkListener {
    private static final Logger log = LoggerFactory.getLogger(SinkLog.class);

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
            log.error("{} failed unexpectedly ({}); frames drop, next try in {}", sink, reason,
                    SinkListener.seconds(nextTry));
        } else {
            log.warn("{} down: {}; frames drop, next try in {}", sink, reason, SinkListener.seconds(nextTry));
        }
    }

    @Override
    public void stillDown(String sink, String reason, Duration nextTry) {
        log.warn("{} still down: {}; next try in {}", sink, reason, SinkListener.seconds(nextTry));
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
        log.info("{} closed after {} frames ({} dropped, {} outage{})", sink, counters.written(),
                counters.dropped(), counters.outages(), counters.outages() == 1 ? "" : "s");
    }
}
