package ai.perstack.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final Set<Call> watched = ConcurrentHashMap.newKeySet();
    private final Deadlines deadlines = new Deadlines(timer, watched);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** A watched call that leaves the set when it ends, as a transport exchange does. */
    private final class Call implements Deadlines.Watched {
        final long deadline;
        final AtomicInteger expired = new AtomicInteger();
        final CountDownLatch ended = new CountDownLatch(1);

        Call(long millisFromNow) {
            this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millisFromNow);
            watched.add(this);
            deadlines.watch(this);
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public void expire() {
            expired.incrementAndGet();
            end();
        }

        void end() {
            watched.remove(this);
            ended.countDown();
        }
    }

    @Test
    void everyCallPastItsDeadlineExpiresOnceAndOthersNever() throws InterruptedException {
        // Later deadlines first, so each shorter one has to move the check earlier.
        List<Call> due = new ArrayList<>();
        for (int ms = 200; ms >= 20; ms -= 20) {
            due.add(new Call(ms));
        }
        Call finishedInTime = new Call(30);
        finishedInTime.end();
        Call farOff = new Call(TimeUnit.HOURS.toMillis(1));
        for (Call c : due) {
            assertThat(c.ended.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(due).allSatisfy(c -> assertThat(c.expired).hasValue(1));
        assertThat(finishedInTime.expired).hasValue(0);
        assertThat(farOff.expired).hasValue(0);
        assertThat(watched).containsExactly(farOff);
    }

    @Test
    void callsWatchedWhileChecksRunAreNotLost() throws InterruptedException {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(new Call(i % 7));
            Thread.sleep(1);
        }
        for (Call c : calls) {
            assertThat(c.ended.await(30, TimeUnit.SECONDS)).as("call expired").isTrue();
        }
        assertThat(calls).allSatisfy(c -> assertThat(c.expired).hasValue(1));
    }

    @Test
    void aShutDownTimerIsReported() {
        timer.shutdownNow();
        assertThatThrownBy(() -> new Call(10)).isInstanceOf(RejectedExecutionException.class);
    }
}
