package org.vigil.core.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The daemon's log lines as a user reads them, collected from the root logger while a test runs. */
public final class LogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();

    public static LogLines capture() {
        LogLines appender = new LogLines();
        appender.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getFormattedMessage());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized long count(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines.stream().filter(line -> pattern.matcher(line).find()).count();
    }

    /** Waits until {@code count} lines match; fails with the log when they do not come in time. */
    public void await(String regex, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (count(regex) < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + count + " log lines matching /" + regex + "/ within " + timeoutMillis
                        + " ms; the log:\n  " + String.join("\n  ", lines()));
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
