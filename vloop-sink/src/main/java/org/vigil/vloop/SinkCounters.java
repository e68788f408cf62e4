package org.vigil.vloop;

/**
 * What a sink has done so far.
 *
 * @param written        frames that reached the pipe
 * @param dropped        frames not written: the pipe was down, a write timed out, or the frame was damaged
 * @param reopenAttempts times the sink tried to open the pipe again after it went down (or was missing at start)
 * @param outages        times the pipe went down (a pipe missing when the sink opened counts as one)
 */
public record SinkCounters(long written, long dropped, long reopenAttempts, long outages) {
}
