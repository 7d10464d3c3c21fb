package io.meetingintel.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.context.SmartLifecycle;

/**
 * Runs a service's persistent jobs (db-scheduler) with the application: started once the context is ready, stopped
 * before the database goes away. Jobs due while the service was down run at once on start.
 */
public class PlatformScheduler implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    public PlatformScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the outbox relay, so events a job appends while stopping are still drained.
        return Integer.MAX_VALUE - 3000;
    }
}
