package io.airlock.server.session;

import org.slf4j.LoggerFactory;

/**
 * One step of ending a session, or of undoing one that could not open. A step may fail; the steps after
 * it still run, so a broken recorder or a gone browser never leaves the equipment connected or the
 * history row open.
 */
@FunctionalInterface
interface EndingStep {

    void run() throws Exception;

    /** Runs the step; a failure is logged with what was being done, and the caller goes on. */
    static void runQuietly(long recordId, String what, EndingStep step) {
        try {
            step.run();
        } catch (Exception e) {
            LoggerFactory.getLogger(EndingStep.class).warn("Session #{}: {} failed: {}", recordId, what,
                    e.toString());
        }
    }
}
