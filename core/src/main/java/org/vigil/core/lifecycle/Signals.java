package org.vigil.core.lifecycle;

import sun.misc.Signal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and SIGINT ask the daemon to stop, SIGHUP to reload its config. The handlers only post a request; the main
 * thread carries it out, so a slow stop or reload never runs on the JVM's signal thread. Handling TERM ourselves
 * replaces the JVM's default (shutdown hooks, exit status 143) with an orderly stop and exit status 0.
 */
public final class Signals {
    /** What a signal asks for. */
    public enum Request { STOP, RELOAD }

    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    private Signals() {
    }

    public static Signals install() {
        Signals signals = new Signals();
        Signal.handle(new Signal("TERM"), signal -> signals.requests.add(Request.STOP));
        Signal.handle(new Signal("INT"), signal -> signals.requests.add(Request.STOP));
        Signal.handle(new Signal("HUP"), signal -> signals.requests.add(Request.RELOAD));
        return signals;
    }

    /** The next request, waiting for it. */
    public Request next() throws InterruptedException {
        return requests.take();
    }

    /** The next request within the time, or null. */
    public Request next(long timeout, TimeUnit unit) throws InterruptedException {
        return requests.poll(timeout, unit);
    }
}
