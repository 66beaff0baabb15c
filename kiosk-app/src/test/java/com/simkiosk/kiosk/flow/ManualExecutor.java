package com.simkiosk.kiosk.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** I/O that runs only when the test says, so a test can cancel or remove the SIM while a call is "in flight". */
final class ManualExecutor implements Executor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Runs queued tasks, and any they queue, until none are left (bounded). */
    void runAll() {
        for (int guard = 0; guard < 1_000 && !queue.isEmpty(); guard++) {
            queue.poll().run();
        }
        if (!queue.isEmpty()) {
            throw new IllegalStateException("I/O kept queueing more I/O");
        }
    }

    /** Runs just the oldest queued task. */
    void runNext() {
        Runnable task = queue.poll();
        if (task == null) {
            throw new IllegalStateException("no I/O is waiting");
        }
        task.run();
    }

    int waiting() {
        return queue.size();
    }
}
