package io.airlock.server.storage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Drops the one ERROR line s3proxy writes for each object-tagging request (it does not implement tagging
 * and answers 501 NotImplemented). The storage check probes tagging on every store, so without this every
 * check of the embedded store would log errors an administrator cannot act on; the S3 client still sees the
 * 501 and the check line says "Tags unsupported". Every other s3proxy message is kept.
 */
final class S3ProxyNoiseFilter extends TurboFilter {

    static final String HANDLER_LOGGER = "org.gaul.s3proxy.S3ProxyHandler";
    static final String UNKNOWN_PARAMETERS = "Unknown parameters {} with URI {}";

    S3ProxyNoiseFilter() {
        setName("airlock-s3proxy-tagging");
    }

    /** Adds the filter to the logging context once; a no-op when Logback is not the logging backend. */
    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            if (context.getTurboFilterList().stream().noneMatch(f -> f instanceof S3ProxyNoiseFilter)) {
                var filter = new S3ProxyNoiseFilter();
                filter.start();
                context.addTurboFilter(filter);
            }
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        boolean taggingNotImplemented = level == Level.ERROR && UNKNOWN_PARAMETERS.equals(format)
                && HANDLER_LOGGER.equals(logger.getName())
                && params != null && params.length > 0 && "tagging".equals(params[0]);
        return taggingNotImplemented ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
