package io.airlock.server.recording;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.airlock.recording.video.BackgroundPriority;
import io.airlock.server.config.GatewayNode;
import io.airlock.server.search.RecordingText;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The recording jobs on db-scheduler: one job per recording, kept in the database so it survives
 * restarts, run on the node whose spool holds the file. Each node registers the task under its own name
 * ({@code recording:<node>}), so other gateways sharing the database leave its jobs alone, and on start it
 * takes back the jobs it was running when it stopped. The scheduler's thread count bounds how many
 * transcodes run at once.
 */
@Component
class RecordingJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordingJobs.class);
    /** First retry after a failed step; doubles with each further failure up to the maximum. */
    static final Duration STORAGE_RETRY = Duration.ofSeconds(5);
    static final Duration FAILURE_RETRY = Duration.ofSeconds(30);
    static final Duration FAILURE_RETRY_MAX = Duration.ofHours(1);

    /** The cluster-wide check for recordings the bucket's retention policy removed. */
    static final String RETENTION_TASK = "recording-retention";
    /** The cluster-wide catch-up of Search's index: recordings stored without one, and failed attempts. */
    static final String TEXT_INDEX_TASK = "recording-text-index";
    /** Recordings indexed per catch-up run, so a large backlog after an upgrade never holds a thread for long. */
    static final int TEXT_INDEX_BATCH = 20;

    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;
    private final JdbcClient jdbc;
    private final RecordingRepository recordings;
    private final String nodeId;
    private final String taskName;
    private volatile boolean running;

    RecordingJobs(DataSource dataSource, JdbcClient jdbc, GatewayNode node, RecordingPipeline pipeline,
            RecordingRepository recordings, RecordingRetention retention, RecordingText text,
            @Value("${airlock.recording.concurrency:0}") int concurrency,
            @Value("${airlock.recording.retention-check-interval:PT1H}") Duration retentionCheck,
            @Value("${airlock.recording.text-index-interval:PT1M}") Duration textIndexCheck,
            @Value("${airlock.recording.storage-retry-max:PT2M}") Duration storageRetryMax) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.nodeId = node.id();
        this.taskName = "recording:" + nodeId;
        // Every core by default: the jobs run at background priority, so they take only what sessions leave.
        int transcodes = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        this.task = Tasks.oneTime(taskName)
                .onFailure(new Backoff(storageRetryMax))
                .execute((instance, context) -> {
                    // The scheduler's threads run nothing but recording jobs: transcodes, uploads, checks.
                    BackgroundPriority.lowerCurrentThread();
                    try {
                        pipeline.process(Long.parseLong(instance.getId()));
                    } catch (RecordingPipeline.StepFailed e) {
                        throw new RetryLater(e);
                    }
                });
        // Scheduling joins the caller's transaction through the proxy: a job exists exactly when the
        // session's end was committed.
        // One check for the whole cluster: a recurring task runs on one gateway at a time, whichever picks it.
        RecurringTask<Void> retentionTask = Tasks.recurring(RETENTION_TASK, FixedDelay.of(retentionCheck))
                .execute((instance, context) -> retention.reconcile());
        RecurringTask<Void> textIndexTask = Tasks.recurring(TEXT_INDEX_TASK, FixedDelay.of(textIndexCheck))
                .execute((instance, context) -> text.catchUp(TEXT_INDEX_BATCH));
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), task)
                .startTasks(retentionTask, textIndexTask)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(node.id()))
                .threads(transcodes)
                .pollingInterval(Duration.ofSeconds(5))
                .heartbeatInterval(Duration.ofSeconds(30))
                // Other nodes' tasks are "unresolved" here; their jobs must wait for their node, not vanish.
                .deleteUnresolvedAfter(Duration.ofDays(36_500))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Schedules the recording's job now, inside the caller's transaction when there is one, and wakes
     * the scheduler once that transaction committed.
     */
    void schedule(long sessionId) {
        scheduler.scheduleIfNotExists(task.instance(Long.toString(sessionId)), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        if (running) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @Override
    public void start() {
        // Only this node runs jobs of this task name, and it is starting: whatever it had picked before is
        // dead (a crash), and is taken back now instead of after the scheduler's dead-execution timeout.
        int revived = jdbc.sql("update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null, "
                + "version = version + 1 where task_name = ? and picked = true").param(taskName).update();
        recordings.adoptUnnamed(nodeId);
        for (long sessionId : recordings.unfinishedOn(nodeId)) {
            scheduler.scheduleIfNotExists(task.instance(Long.toString(sessionId)), Instant.now());
        }
        scheduler.start();
        running = true;
        if (revived > 0) {
            log.info("Resuming {} recording job(s) interrupted when this gateway stopped", revived);
        }
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the live sessions (which schedule jobs as they end) and before the data source. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    /** A step failed; the job is tried again later. */
    static final class RetryLater extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean storage;

        RetryLater(RecordingPipeline.StepFailed cause) {
            super(cause.getMessage(), cause);
            this.storage = cause.storage();
        }

        /** Whether the step failed because the bucket could not be reached. */
        static boolean storage(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof RetryLater r) {
                    return r.storage;
                }
            }
            return false;
        }
    }

    /**
     * Exponential backoff: a bucket that cannot be reached is tried again soon (from 5 s up to every
     * 2 minutes, {@code airlock.recording.storage-retry-max}), so uploads complete shortly after it returns;
     * other failures from 30 s up to hourly.
     */
    static final class Backoff implements FailureHandler<Void> {
        private final Duration storageRetryMax;

        Backoff(Duration storageRetryMax) {
            this.storageRetryMax = storageRetryMax;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            int failures = Math.max(1, complete.getExecution().consecutiveFailures + 1);
            boolean storage = complete.getCause().map(RetryLater::storage).orElse(false);
            Duration delay = delay(failures, storage ? STORAGE_RETRY : FAILURE_RETRY,
                    storage ? storageRetryMax : FAILURE_RETRY_MAX);
            operations.reschedule(complete, complete.getTimeDone().plus(delay));
        }

        static Duration delay(int failures, Duration first, Duration max) {
            int doublings = Math.min(failures - 1, 20);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }
}
