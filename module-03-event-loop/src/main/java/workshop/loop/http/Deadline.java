package workshop.loop.http;

import java.time.Duration;
import workshop.loop.EventLoop;
import workshop.loop.Timer;

/**
 * A connection's one deadline, watched by one timer from the loop's timer heap. Moving the
 * deadline later costs a field write: the timer fires at the old time, finds the deadline still
 * ahead, and sets itself again for it. Only a deadline earlier than the timer re-arms it.
 */
final class Deadline implements Runnable {
    private final EventLoop loop;
    private final String owner;
    private final Runnable onPassed;
    private long at;          // on the System.nanoTime() clock
    private boolean watched;  // false while there is no deadline: the timer lapses when it fires
    private Timer timer;

    /** @param onPassed runs on the loop thread once the deadline has passed */
    Deadline(EventLoop loop, String owner, Runnable onPassed) {
        this.loop = loop;
        this.owner = owner;
        this.onPassed = onPassed;
    }

    /** The deadline is now {@code timeout} from now. */
    void in(Duration timeout) {
        at = System.nanoTime() + timeout.toNanos();
        watched = true;
        if (timer == null || timer.deadlineNanos() - at > 0) {
            arm();
        }
    }

    /** No deadline until the next {@link #in}. */
    void none() {
        watched = false;
    }

    /** Stops watching for good. */
    void cancel() {
        watched = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void arm() {
        if (timer != null) {
            timer.cancel();
        }
        timer = loop.callLater(Duration.ofNanos(Math.max(0, at - System.nanoTime())), this);
    }

    /** The timer fired: the deadline has passed, or it moved later and we check again then. */
    @Override
    public void run() {
        timer = null;
        if (!watched) {
            return;
        }
        if (System.nanoTime() - at < 0) {
            arm();
            return;
        }
        watched = false;
        onPassed.run();
    }

    @Override
    public String toString() {
        return "deadline of " + owner;
    }
}
